import type { Body, Language, LocalizedText } from '../model';
import { pickText } from '../model/text';

/** One line of a pack's glossary: an acronym that appears in the pack and what it stands for. */
export interface PackGlossaryEntry {
  acronym: string;
  expansion: string;
  /** Language the expansion is in. */
  lang: Language;
  /** True when the expansion is not in the requested language (the dataset has none in it). */
  original: boolean;
  /** The body the acronym names, when it is a body's acronym or alias. */
  bodyId?: string;
}

/**
 * An acronym the dataset spells out in running text, "ASEAN-Japan Dialogue on Environmental
 * Cooperation (AJDEC)": agreements, dialogues, funds and plans that are not bodies.
 */
export interface AcronymDefinition {
  acronym: string;
  expansion: LocalizedText;
}

export interface PackGlossaryOptions {
  /** Acronyms defined in the dataset's texts (see collectAcronymDefinitions); bodies win over them. */
  definitions?: readonly AcronymDefinition[];
}

/**
 * A word of running text: letters and digits, joined by inner hyphens or plus signs and with an
 * optional trailing plus, so "ASEAN+3", "SOM-ED+3" and "ASOEN-36" are one token each, while
 * "ASOEN's", "**ASOEN**" and "(ASOEN)" give "ASOEN".
 */
const TOKEN = /[\p{L}\p{N}]+(?:[-+][\p{L}\p{N}]+)*\+?/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}

/** What an acronym is looked up by: its tokens and the spaces between them ("ACB GB", "COP AATHP"). */
interface Candidate {
  tokens: string[];
  /** Text between consecutive tokens, spaces collapsed: "ACDM WG on X, Y" keeps its comma. */
  gaps: string[];
  acronym: string;
  resolve: (lang: Language) => PackGlossaryEntry;
}

function gapOf(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(/\s+/g, ' ');
}

function candidateFor(acronym: string, resolve: Candidate['resolve']): Candidate | undefined {
  const tokens = tokenize(acronym);
  if (tokens.length === 0) return undefined;
  const gaps = tokens.slice(1).map((t, i) => gapOf(acronym, tokens[i]!.end, t.start));
  return { tokens: tokens.map((t) => t.text), gaps, acronym, resolve };
}

/**
 * Candidates grouped by their first token, longest first, so a text position is looked up in one
 * Map access whatever the number of acronyms.
 */
class AcronymIndex {
  private readonly byFirst = new Map<string, Candidate[]>();
  private readonly seen = new Set<string>();

  add(candidate: Candidate | undefined): void {
    if (!candidate || this.seen.has(candidate.acronym)) return;
    this.seen.add(candidate.acronym);
    const first = candidate.tokens[0]!;
    let list = this.byFirst.get(first);
    if (!list) this.byFirst.set(first, (list = []));
    list.push(candidate);
    list.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  /** The longest candidate whose tokens start at tokens[i] with the same spacing, if any. */
  matchAt(text: string, tokens: readonly Token[], i: number): Candidate | undefined {
    const list = this.byFirst.get(tokens[i]!.text);
    if (!list) return undefined;
    for (const c of list) {
      if (i + c.tokens.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < c.tokens.length && ok; k++) {
        const t = tokens[i + k]!;
        ok = t.text === c.tokens[k] && gapOf(text, tokens[i + k - 1]!.end, t.start) === c.gaps[k - 1];
      }
      if (ok) return c;
    }
    return undefined;
  }
}

/**
 * The glossary of a pack: every acronym or alias of a dataset body (and every acronym the dataset
 * defines, when given) that appears in the pack's texts as a whole token, case-sensitively,
 * expanded with the body's name in the pack's language, or in the language the dataset has it in
 * (marked `original`). Sorted by acronym. Nothing is typed in by hand: what is not in the dataset
 * is not in the glossary.
 */
export function buildPackGlossary(
  texts: Iterable<string>,
  bodies: readonly Body[],
  lang: Language,
  options: PackGlossaryOptions = {},
): PackGlossaryEntry[] {
  const index = new AcronymIndex();
  for (const body of bodies) {
    const resolve = (wanted: Language): PackGlossaryEntry => {
      const name = pickText(body.name, wanted);
      return { acronym: '', expansion: name.text, lang: name.lang, original: name.fallback, bodyId: body.id };
    };
    for (const acronym of [body.acronym, ...body.aliases]) index.add(candidateFor(acronym, resolve));
  }
  for (const definition of options.definitions ?? []) {
    index.add(
      candidateFor(definition.acronym, (wanted) => {
        const text = pickText(definition.expansion, wanted);
        return { acronym: '', expansion: text.text, lang: text.lang, original: text.fallback };
      }),
    );
  }

  const found = new Map<string, Candidate>();
  for (const text of texts) {
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const whole = index.matchAt(text, tokens, i);
      if (whole) {
        found.set(whole.acronym, whole);
        i += whole.tokens.length - 1;
        continue;
      }
      const token = tokens[i]!;
      // "COP30": an acronym numbered without a space.
      const numbered = /^(\p{Lu}{2,})\d+$/u.exec(token.text);
      if (numbered) {
        const part = index.matchAt(text, [{ text: numbered[1]!, start: token.start, end: token.start + numbered[1]!.length }], 0);
        if (part?.tokens.length === 1) found.set(part.acronym, part);
        continue;
      }
      // "ASOEN-36" or "ACDM-led": the parts of a hyphenated token that are acronyms themselves.
      if (!token.text.includes('-')) continue;
      const parts = tokenize(token.text.replace(/[-+]/g, ' ')).map((p) => ({ ...p, start: p.start + token.start, end: p.end + token.start }));
      for (let k = 0; k < parts.length; k++) {
        const part = index.matchAt(text, parts, k);
        if (part?.tokens.length === 1) found.set(part.acronym, part);
      }
    }
  }

  return [...found.values()]
    .map((c) => ({ ...c.resolve(lang), acronym: c.acronym }))
    .sort((a, b) => a.acronym.localeCompare(b.acronym, 'en') || a.acronym.localeCompare(b.acronym));
}

// ---------------------------------------------------------------------------------------------
// Acronyms the dataset defines in its texts: "Long Name (ACR)".

const DEFINITION = /\(([\p{Lu}][\p{L}\p{N}]*(?:[-+][\p{L}\p{N}]+)*\+?)\)/gu;

/** Small words an acronym usually leaves out: "Ministers Responsible for Information" (AMRI). */
const SKIPPABLE = new Set([
  'of', 'on', 'the', 'and', 'for', 'to', 'in', 'at', 'by', 'a', 'an', 'with', 'under', '&',
  'dan', 'di', 'untuk', 'tentang', 'bagi', 'pada', 'ke', 'dari', 'kepada', 'yang', 'bagi',
]);

/** "19th", "1st", "ke-19": ordinals of a meeting, not part of what an acronym stands for. */
const ORDINAL = /^(?:\d+(?:st|nd|rd|th)|ke-\d+)$/i;

/** The initials a word can give: "ASEAN-Japan" gives "AJ" (or just "A"), "Climate" gives "C". */
function initialsOf(word: string): string[] {
  const parts = word.split('-').filter(Boolean);
  const first = word.charAt(0).toUpperCase();
  if (!/\p{L}/u.test(first)) return [];
  const all = parts.map((p) => p.charAt(0).toUpperCase()).join('');
  return /^\p{L}+$/u.test(all) && all !== first ? [all, first] : [first];
}

/**
 * The words before a parenthesised acronym that its letters are the initials of, or undefined.
 * Walks back from the acronym's last letter; small words may be skipped but not other words.
 */
function expansionBefore(words: readonly string[], letters: string): number | undefined {
  const memo = new Map<string, number | undefined>();
  const walk = (w: number, end: number): number | undefined => {
    // `end` letters of the acronym are still to be matched, by words[0..w].
    if (end === 0) return w + 1;
    if (w < 0) return undefined;
    const key = `${w}:${end}`;
    if (memo.has(key)) return memo.get(key);
    const word = words[w]!;
    let result: number | undefined;
    for (const initials of initialsOf(word)) {
      if (initials.length <= end && letters.slice(end - initials.length, end) === initials) {
        result = walk(w - 1, end - initials.length);
        if (result !== undefined) break;
      }
    }
    if (result === undefined && SKIPPABLE.has(word.toLowerCase())) result = walk(w - 1, end);
    memo.set(key, result);
    return result;
  };
  return walk(words.length - 1, letters.length);
}

interface Found {
  expansion: string;
  /** True when the expansion is all the text before the acronym (a title such as "X (ACR)"). */
  whole: boolean;
}

function definitionsIn(text: string): Map<string, Found> {
  const found = new Map<string, Found>();
  for (const m of text.matchAll(DEFINITION)) {
    const acronym = m[1]!;
    const letters = acronym.replace(/[^\p{Lu}]/gu, '');
    if (letters.length < 2) continue;
    // The words of the clause before the parenthesis, without ordinals.
    const before = text.slice(0, m.index).split(/[.;:()\n]/).pop()!;
    const words = before.split(/[\s,/]+/).filter((w) => w && !ORDINAL.test(w)).map((w) => w.replace(/^["“'‘]+|["”'’]+$/g, ''));
    const start = expansionBefore(words, letters);
    if (start === undefined || found.has(acronym)) continue;
    found.set(acronym, { expansion: words.slice(start).join(' '), whole: start === 0 && m.index + m[0].length === text.trimEnd().length });
  }
  return found;
}

function isLocalizedText(value: object): value is LocalizedText {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (k === 'en' || k === 'ms' || k === 'id') && typeof (value as Record<string, unknown>)[k] === 'string');
}

function* localizedTexts(value: unknown): Generator<LocalizedText> {
  if (Array.isArray(value)) for (const item of value) yield* localizedTexts(item);
  else if (value !== null && typeof value === 'object') {
    if (isLocalizedText(value)) yield value;
    else for (const v of Object.values(value)) yield* localizedTexts(v);
  }
}

/**
 * Every "Long Name (ACR)" the dataset's localized texts spell out, in each language where the
 * acronym's letters are the initials of the words before it. When a title is nothing but the
 * definition ("19th ASEAN-Japan Dialogue on Environmental Cooperation (AJDEC)"), its other
 * languages' versions of the title ("Dialog Kerjasama Alam Sekitar ASEAN-Jepun ke-19 (AJDEC)")
 * are the translation of the expansion, whatever their word order. The most frequent expansion
 * of an acronym in a language wins.
 */
export function collectAcronymDefinitions(records: Iterable<unknown>): AcronymDefinition[] {
  const counts = new Map<string, Map<Language, Map<string, number>>>();
  const count = (acronym: string, lang: Language, expansion: string): void => {
    let byLang = counts.get(acronym);
    if (!byLang) counts.set(acronym, (byLang = new Map()));
    let byText = byLang.get(lang);
    if (!byText) byLang.set(lang, (byText = new Map()));
    byText.set(expansion, (byText.get(expansion) ?? 0) + 1);
  };
  for (const record of records) {
    for (const localized of localizedTexts(record)) {
      const perLang = (Object.entries(localized) as [Language, string][]).map(([lang, text]) => ({ lang, text, found: definitionsIn(text) }));
      for (const { lang, found } of perLang) for (const [acronym, f] of found) count(acronym, lang, f.expansion);
      // Parallel titles: the other languages' titles translate a whole-title definition.
      for (const { found } of perLang) {
        for (const [acronym, f] of found) {
          if (!f.whole) continue;
          for (const other of perLang) {
            const suffix = `(${acronym})`;
            const trimmed = other.text.trimEnd();
            if (other.found.has(acronym) || !trimmed.endsWith(suffix)) continue;
            const words = trimmed.slice(0, -suffix.length).split(/\s+/).filter((w) => w && !ORDINAL.test(w));
            if (words.length > 0) count(acronym, other.lang, words.join(' '));
          }
        }
      }
    }
  }
  const definitions: AcronymDefinition[] = [];
  for (const [acronym, byLang] of counts) {
    const expansion: LocalizedText = {};
    for (const [lang, byText] of byLang) {
      // Map order is first-seen order, so ties go to the first expansion met.
      let best: [string, number] | undefined;
      for (const entry of byText) if (!best || entry[1] > best[1]) best = entry;
      expansion[lang] = best![0];
    }
    definitions.push({ acronym, expansion });
  }
  return definitions.sort((a, b) => a.acronym.localeCompare(b.acronym, 'en'));
}
