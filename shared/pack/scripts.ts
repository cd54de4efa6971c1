/**
 * The scripts of mainland South-East Asia that the pack's Latin face (Noto Sans) does not cover,
 * each with the Noto family the app ships for it (renderer/features/packs/pack-fonts.css,
 * docs/fonts.md). The printed pack loads a script's face only when its text uses the script;
 * the Word file names the face on the runs in that script and embeds it.
 */

export const PACK_SCRIPTS = ['Thai', 'Laoo', 'Khmr', 'Mymr'] as const;
/** ISO 15924 code. */
export type PackScript = (typeof PACK_SCRIPTS)[number];

export interface PackScriptFace {
  script: PackScript;
  /** The font family as Word names it. */
  family: string;
  /** A letter of the script, to ask the browser for the face before text is measured. */
  sample: string;
  /** The language Word marks the text with (its complex-script language). */
  lang: string;
  /** Code point ranges, inclusive. */
  ranges: readonly (readonly [number, number])[];
}

export const SCRIPT_FACES: Readonly<Record<PackScript, PackScriptFace>> = {
  Thai: { script: 'Thai', family: 'Noto Sans Thai', sample: '\u0e01', lang: 'th-TH', ranges: [[0x0e01, 0x0e5b]] },
  Laoo: { script: 'Laoo', family: 'Noto Sans Lao', sample: '\u0e81', lang: 'lo-LA', ranges: [[0x0e81, 0x0edf]] },
  Khmr: { script: 'Khmr', family: 'Noto Sans Khmer', sample: '\u1780', lang: 'km-KH', ranges: [[0x1780, 0x17ff], [0x19e0, 0x19ff]] },
  Mymr: { script: 'Mymr', family: 'Noto Sans Myanmar', sample: '\u1000', lang: 'my-MM', ranges: [[0x1000, 0x109f], [0xa9e0, 0xa9fe], [0xaa60, 0xaa7f]] },
};

/** The script of one code point, if it is one of these. */
export function scriptOf(codePoint: number): PackScript | undefined {
  if (codePoint < 0x0e01 || (codePoint > 0x109f && codePoint < 0x1780) || (codePoint > 0x19ff && codePoint < 0xa9e0) || codePoint > 0xaa7f) return undefined;
  for (const script of PACK_SCRIPTS) {
    if (SCRIPT_FACES[script].ranges.some(([from, to]) => codePoint >= from && codePoint <= to)) return script;
  }
  return undefined;
}

/** Characters that belong to the text around them (joiners, the dotted circle, combining marks), not to a script of their own. */
function isNeutralMark(codePoint: number): boolean {
  return codePoint === 0x200c || codePoint === 0x200d || codePoint === 0x25cc || (codePoint >= 0x0300 && codePoint <= 0x036f);
}

/** The scripts a text uses, in the order of PACK_SCRIPTS. */
export function scriptsIn(text: string): PackScript[] {
  const found = new Set<PackScript>();
  for (const ch of text) {
    const script = scriptOf(ch.codePointAt(0)!);
    if (script) found.add(script);
  }
  return PACK_SCRIPTS.filter((s) => found.has(s));
}

export interface ScriptSegment {
  text: string;
  /** Absent: Latin (or any other) text, in the pack's Latin face. */
  script?: PackScript;
}

/**
 * The text cut where its script changes, so each piece can name its own face. Spaces, digits
 * and punctuation between two pieces of the same script stay in that piece (a Thai sentence
 * with a number is one run), and joiners and combining marks stay with the letter before them.
 */
export function splitByScript(text: string): ScriptSegment[] {
  const segments: ScriptSegment[] = [];
  let current: ScriptSegment | undefined;
  /** Neutral characters (spaces, punctuation) after a scripted piece, not yet given to either side. */
  let pending = '';
  const push = (segment: ScriptSegment) => {
    const last = segments[segments.length - 1];
    if (last && last.script === segment.script) last.text += segment.text;
    else segments.push(segment);
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const script = scriptOf(cp);
    if (script === undefined) {
      if (current?.script !== undefined && (isNeutralMark(cp) || /[\s\d.,;:!?'"()\-–—/]/u.test(ch))) {
        if (isNeutralMark(cp) && pending === '') current.text += ch;
        else pending += ch;
        continue;
      }
      if (current?.script !== undefined) {
        push(current);
        current = { text: pending };
        pending = '';
      }
      current = current ? { text: current.text + ch } : { text: ch };
      continue;
    }
    if (current && current.script === script) {
      current.text += pending + ch;
    } else {
      if (current) push({ ...current, text: current.text + pending });
      else if (pending) push({ text: pending });
      current = { text: ch, script };
    }
    pending = '';
  }
  if (current) push(current);
  if (pending) push({ text: pending });
  return segments.filter((s) => s.text !== '');
}
