import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { composePack } from '../../shared/pack/compose';
import { packDocx, type DocxLabels, type EmbeddedScriptFace } from '../../shared/pack/docx/pack-docx';
import { FontFileError, tableChecksum, woffToSfnt } from '../../shared/pack/docx/woff-to-sfnt';
import { PACK_PARTS } from '../../shared/pack/model';
import { PACK_SCRIPTS, SCRIPT_FACES, scriptsIn, splitByScript, type PackScript } from '../../shared/pack/scripts';
import { briefPackInput, taggedFormat } from './pack-fixtures';

const require = createRequire(import.meta.url);
const PACKAGES: Record<PackScript, string> = { Thai: 'thai', Laoo: 'lao', Khmr: 'khmer', Mymr: 'myanmar' };
const woff = (script: PackScript, weight: 400 | 700) => {
  const name = PACKAGES[script];
  return new Uint8Array(readFileSync(require.resolve(`@fontsource/noto-sans-${name}/files/noto-sans-${name}-${name}-${weight}-normal.woff`)));
};

/** Each scripted sentence, in its own script: "ASEAN cooperation" more or less. */
const SENTENCES: Record<PackScript, string> = {
  Thai: 'ความร่วมมืออาเซียน ปี 2568 นี้',
  Laoo: 'ການຮ່ວມມືອາຊຽນ',
  Khmr: 'កិច្ចសហប្រតិបត្តិការអាស៊ាន',
  Mymr: 'အာဆီယံပူးပေါင်းဆောင်ရွက်မှု',
};

describe('scripts in pack text', () => {
  it('finds the scripts a text uses, in a fixed order', () => {
    expect(scriptsIn('Plain Latin, Hà Nội')).toEqual([]);
    expect(scriptsIn(`${SENTENCES.Mymr} and ${SENTENCES.Thai}`)).toEqual(['Thai', 'Mymr']);
    expect(scriptsIn(Object.values(SENTENCES).join(' '))).toEqual([...PACK_SCRIPTS]);
  });

  it('cuts text where its script changes and keeps every character', () => {
    const text = `Stress ${SENTENCES.Thai}, then ${SENTENCES.Khmr} and ${SENTENCES.Laoo}.`;
    const segments = splitByScript(text);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.map((s) => s.script)).toEqual([undefined, 'Thai', undefined, 'Khmr', undefined, 'Laoo', undefined]);
    // The year between Thai words stays in the Thai run; the spaces and punctuation around it go to the Latin text.
    expect(segments[1]!.text).toBe(SENTENCES.Thai);
    expect(segments[2]!.text).toBe(', then ');
  });

  it('keeps joiners and marks with the letter before them', () => {
    const khmerWithJoiner = '\u1780\u200c\u1781';
    expect(splitByScript(`A ${khmerWithJoiner} B`).map((s) => [s.text, s.script])).toEqual([
      ['A ', undefined],
      [khmerWithJoiner, 'Khmr'],
      [' B', undefined],
    ]);
  });
});

describe('WOFF to TrueType', () => {
  it.each(PACK_SCRIPTS.flatMap((s) => [[s, 400], [s, 700]] as const))('unpacks the shipped %s %s face exactly', (script, weight) => {
    const sfnt = woffToSfnt(woff(script, weight));
    const view = new DataView(sfnt.buffer);
    expect(view.getUint32(0)).toBe(0x00010000); // TrueType outlines
    const numTables = view.getUint16(4);
    const tags = new Set<string>();
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(...sfnt.subarray(at, at + 4));
      tags.add(tag);
      const offset = view.getUint32(at + 8);
      const length = view.getUint32(at + 12);
      expect(offset % 4).toBe(0);
      if (tag !== 'head') expect(tableChecksum(sfnt.subarray(offset, offset + length))).toBe(view.getUint32(at + 4));
    }
    for (const needed of ['cmap', 'glyf', 'loca', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'post', 'OS/2']) expect(tags).toContain(needed);
  });

  it('refuses a file that is not WOFF, and a damaged one', () => {
    expect(() => woffToSfnt(new TextEncoder().encode('not a font at all, not even close to one; padded to 44 bytes'))).toThrow(FontFileError);
    // A byte changed in the middle of the glyph outlines (compressed): refused, not converted.
    const damaged = woff('Thai', 400).slice();
    const view = new DataView(damaged.buffer);
    const entry = Array.from({ length: view.getUint16(12) }, (_, i) => 44 + i * 20).find((at) => String.fromCharCode(...damaged.subarray(at, at + 4)) === 'glyf')!;
    damaged[view.getUint32(entry + 4) + Math.floor(view.getUint32(entry + 8) / 2)]! ^= 0xff;
    expect(() => woffToSfnt(damaged)).toThrow(FontFileError);
  });
});

const labels: DocxLabels = { contents: 'Contents', pageOf: 'Page {page} of {pages}', draft: 'DRAFT', cover: [], orgChart: 'In the printed pack.' };

/** Undoes Word's font obfuscation (ECMA-376 part 2): the first 32 bytes XORed with the key's bytes, reversed. */
function deobfuscate(odttf: Uint8Array, key: string): Uint8Array {
  const bytes = key.replace(/[{}-]/g, '').match(/../g)!.map((h) => parseInt(h, 16)).reverse();
  const out = odttf.slice();
  for (let i = 0; i < 32; i++) out[i]! ^= bytes[i % bytes.length]!;
  return out;
}

describe('Thai, Lao, Khmer and Burmese in the Word file', () => {
  it('names each script’s face on its runs and embeds the faces, which read back as the TrueType given', async () => {
    const { input, sections } = briefPackInput();
    const points = PACK_SCRIPTS.map((s, i) => ({ id: `p${i}`, text: `Point ${i + 1}: ${SENTENCES[s]}` }));
    input.sections = sections.map((s, i) => (i === 0 ? { ...s, talkingPoints: points, objectives: `**${SENTENCES.Thai}**` } : s));
    const doc = composePack(input, { profile: 'internal', parts: PACK_PARTS, paper: 'a4', language: 'en', printedAt: '2026-11-23T12:00:00.000Z' }, taggedFormat);
    const faces: EmbeddedScriptFace[] = PACK_SCRIPTS.map((script) => ({ script, regular: woffToSfnt(woff(script, 400)), bold: woffToSfnt(woff(script, 700)) }));
    const files = unzipSync(await packDocx(doc, labels, faces));
    const body = strFromU8(files['word/document.xml']!);

    for (const script of PACK_SCRIPTS) {
      const face = SCRIPT_FACES[script];
      // The sentence is one run in its face, marked as complex script in its language.
      const runXml = new RegExp(`<w:r><w:rPr><w:rFonts w:ascii="${face.family}" w:hAnsi="${face.family}" w:eastAsia="${face.family}" w:cs="${face.family}"/>(?:(?!</w:rPr>).)*<w:cs/><w:lang w:bidi="${face.lang}"/></w:rPr><w:t xml:space="preserve">${SENTENCES[script]}</w:t></w:r>`);
      expect(body).toMatch(runXml);
    }
    // Bold Thai is bold in the complex-script slot too.
    expect(body).toMatch(/<w:rFonts w:ascii="Noto Sans Thai"[^>]*\/><w:b\/><w:bCs\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t xml:space="preserve">ความร่วมมือ/);

    const fontTable = strFromU8(files['word/fontTable.xml']!);
    const rels = strFromU8(files['word/_rels/fontTable.xml.rels']!);
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)!;
    for (const [i, script] of PACK_SCRIPTS.entries()) {
      const family = SCRIPT_FACES[script].family;
      const font = new RegExp(`<w:font w:name="${family}">(.*?)</w:font>`).exec(fontTable)?.[1];
      expect(font, family).toBeDefined();
      for (const [kind, bytes] of [['Regular', faces[i]!.regular], ['Bold', faces[i]!.bold!]] as const) {
        const embed = new RegExp(`<w:embed${kind} [^>]*r:id="(rId\\d+)"[^>]*w:fontKey="([^"]+)"|<w:embed${kind} [^>]*w:fontKey="([^"]+)"[^>]*r:id="(rId\\d+)"`).exec(font!);
        expect(embed, `${family} ${kind}`).not.toBeNull();
        const [rId, key] = embed![1] ? [embed![1], embed![2]!] : [embed![4]!, embed![3]!];
        const odttf = files[`word/${target(rId)}`]!;
        // Compared as buffers: toEqual walks a 150 kB array element by element.
        expect(Buffer.from(deobfuscate(odttf, key)).equals(Buffer.from(bytes)), `${family} ${kind} reads back`).toBe(true);
      }
    }
    expect(strFromU8(files['[Content_Types].xml']!)).toContain('application/vnd.openxmlformats-officedocument.obfuscatedFont');
  });

  it('writes Latin-only briefs as before: one run per piece of text, no fonts embedded', async () => {
    const { input } = briefPackInput();
    const doc = composePack(input, { profile: 'internal', parts: PACK_PARTS, paper: 'a4', language: 'en', printedAt: '2026-11-23T12:00:00.000Z' }, taggedFormat);
    const files = unzipSync(await packDocx(doc, labels));
    expect(strFromU8(files['word/document.xml']!)).not.toContain('<w:rFonts');
    expect(Object.keys(files).some((f) => f.endsWith('.odttf'))).toBe(false);
  });
});
