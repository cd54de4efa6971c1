/**
 * Thai, Lao, Khmer and Burmese in the pack, printed and in Word. A brief whose talking points
 * and key messages are written in those scripts is printed to PDF by Chromium and exported to
 * Word. The PDF must embed the Noto face the app ships for each script (this machine has no
 * system font for any of them: without the shipped faces they print as empty boxes), and its
 * text must read back; the Word file must name each script's face on its runs and embed it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { injectAsoenBrief, PackScreen, PdfFile } from './pages/pack';

const app = useWebApp();

/** "ASEAN cooperation", more or less, in each script, with the PDF font name and the Word family. */
const SCRIPTS = [
  { name: 'Thai', text: 'ความร่วมมืออาเซียน', pdfFont: 'NotoSansThai', family: 'Noto Sans Thai' },
  { name: 'Lao', text: 'ການຮ່ວມມືອາຊຽນ', pdfFont: 'NotoSansLao', family: 'Noto Sans Lao' },
  { name: 'Khmer', text: 'កិច្ចសហប្រតិបត្តិការអាស៊ាន', pdfFont: 'NotoSansKhmer', family: 'Noto Sans Khmer' },
  { name: 'Burmese', text: 'အာဆီယံပူးပေါင်းဆောင်ရွက်မှု', pdfFont: 'NotoSansMyanmar', family: 'Noto Sans Myanmar' },
] as const;

/** The fonts pdffonts lists: name, and whether embedded. */
function pdfFonts(path: string): { name: string; embedded: boolean }[] {
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type... emb sub uni object ID: "emb" is the 5th column from the end.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}

describe('packs in the scripts of mainland South-East Asia', () => {
  it('prints Thai, Lao, Khmer and Burmese in the shipped faces, and the Word file names and embeds them', async () => {
    const { context, page } = await freshPage(app.browser, { acceptDownloads: true });
    const errors = pageErrors(page);
    const ui = new AppPage(page, app.url);
    await ui.open('/');
    await injectAsoenBrief(page, {
      id: 'scripts-1',
      keyMessages: SCRIPTS.map((s) => `${s.name}: ${s.text}`).join('\n\n'),
      sections: [{ agendaItemId: 'asoen-36-joint-statement-cop30', objectives: `**${SCRIPTS[0].text}** first`, talkingPoints: SCRIPTS.map((s) => `${s.name} point: ${s.text} 2025`) }],
    });
    await ui.open('/briefings/scripts-1/pack');
    const pack = new PackScreen(page);
    await pack.waitReady();

    const pdf = new PdfFile(await pack.pdf(), 'scripts.pdf');
    const fonts = pdfFonts(pdf.path);
    for (const script of SCRIPTS) {
      const face = fonts.filter((f) => f.name.includes(script.pdfFont));
      assert.ok(face.length > 0, `the PDF uses ${script.pdfFont} (fonts: ${fonts.map((f) => f.name).join(', ')})`);
      assert.ok(face.every((f) => f.embedded), `${script.pdfFont} is embedded`);
    }
    // Bold Thai (the objectives) prints in the bold face.
    assert.ok(fonts.some((f) => /NotoSansThai.*Bold/.test(f.name)), `bold Thai (fonts: ${fonts.map((f) => f.name).join(', ')})`);
    // The text reads back from the PDF, each letter in order (pdftotext puts a space after some
    // stacked vowels and marks: spaces are left out of the comparison).
    const text = Array.from({ length: pdf.pageCount() }, (_, i) => pdf.pageText(i + 1)).join('\n');
    const letters = (t: string) => t.normalize('NFC').replace(/\s+/g, '');
    for (const script of SCRIPTS) {
      assert.ok(letters(text).includes(letters(`${script.name} point: ${script.text} 2025`)), `${script.name} talking point reads back`);
      assert.ok(letters(text).includes(letters(`${script.name}: ${script.text}`)), `${script.name} key message reads back`);
    }

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to Word (.docx)' }).click();
    const file = await download;
    const files = unzipSync(new Uint8Array(readFileSync((await file.path())!)));
    const body = strFromU8(files['word/document.xml']!);
    const fontTable = strFromU8(files['word/fontTable.xml']!);
    for (const script of SCRIPTS) {
      assert.match(body, new RegExp(`<w:rFonts w:ascii="${script.family}"[^>]*w:cs="${script.family}"/>(?:(?!</w:r>).)*<w:t xml:space="preserve">${script.text}`), `${script.name} run in ${script.family}`);
      const entry = new RegExp(`<w:font w:name="${script.family}">(.*?)</w:font>`).exec(fontTable)?.[1] ?? '';
      assert.match(entry, /<w:embedRegular /, `${script.family} regular embedded`);
      assert.match(entry, /<w:embedBold /, `${script.family} bold embedded`);
    }
    const embedded = Object.keys(files).filter((f) => f.endsWith('.odttf'));
    assert.equal(embedded.length, SCRIPTS.length * 2);
    assert.ok(embedded.every((f) => files[f]!.length > 5_000), 'the embedded faces are whole fonts');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
