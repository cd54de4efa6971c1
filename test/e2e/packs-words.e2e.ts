import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { markdownToPlainText } from '../../shared/markdown';
import { freshPage, pageErrors } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';
import { bodyTexts, injectAsoenBrief, PackScreen, PdfFile, type BriefSpec } from './pages/pack';

/*
 * Nothing is ever cut: for generated briefs (paragraphs of up to 5,000 words, unbroken
 * 300-character strings, tables of up to 200 rows, every markdown construct the app has), the
 * text Chromium prints contains every word of the brief, in order, in both profiles and on both
 * papers. The words are made of letters that English dataset text does not use together
 * (q, x, z, đ, ư...), all lower case, so they cannot be found by accident elsewhere in the pack;
 * the pack's own furniture between them (headings repeated "(continued)", table headers
 * printed in capitals) is set aside before matching.
 */

const app = useWebApp();

const LETTERS = [...'qxzđưăêôơbcdfghklmnprstv'];
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 5, maxLength: 10 }).map((l) => l.join(''));
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const token300 = fc.array(fc.constantFrom(...LETTERS), { minLength: 300, maxLength: 300 }).map((l) => l.join(''));

/** A field of markdown: paragraphs, lists (nested, numbered), emphasis, links, line breaks, escapes, long tokens. */
const markdown = fc
  .array(
    fc.oneof(
      words(1, 40),
      fc.tuple(words(1, 8), words(1, 3), words(1, 8)).map(([a, b, c]) => `${a} **${b}** ${c}`),
      fc.tuple(words(1, 8), words(1, 3)).map(([a, b]) => `${a} _${b}_ and *${b}*`),
      fc.tuple(words(1, 6), words(1, 3)).map(([a, b]) => `${a} [${b}](https://example.org/${b.replace(/ /g, '-')})`),
      fc.array(words(1, 12), { minLength: 1, maxLength: 6 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
      fc.tuple(words(1, 10), fc.array(words(1, 10), { minLength: 1, maxLength: 3 })).map(([top, sub]) => [`- ${top}`, ...sub.map((s) => `  - ${s}`)].join('\n')),
      fc.array(words(1, 12), { minLength: 1, maxLength: 5 }).map((items) => items.map((i, n) => `${n + 3}. ${i}`).join('\n')),
      fc.tuple(words(1, 6), words(1, 6)).map(([a, b]) => `${a}\n${b}`),
      words(1, 4).map((w) => `\\*${w}\\*`),
      fc.tuple(words(0, 5), token300).map(([a, t]) => `${a} ${t}`),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((blocks) => blocks.join('\n\n'));

const followUps = fc.array(fc.record({ what: words(1, 12), owner: words(0, 2) }), { maxLength: 200 });
/** The annex's contacts table: 150 to 200 rows, so every run prints a table over several pages. */
const contacts = fc.array(fc.record({ name: words(1, 3), role: words(0, 3), phone: fc.constant(''), email: fc.constant('') }), { minLength: 150, maxLength: 200 });

const ITEMS = ['asoen-36-joint-statement-cop30', 'asoen-36-awgcc', 'asoen-36-awgmrpe'];

const brief = fc
  .record({
    long: fc.integer({ min: 1000, max: 5000 }).chain((n) => words(n, n)),
    longAt: fc.nat({ max: ITEMS.length - 1 }),
    sections: fc.tuple(
      ...ITEMS.map(() =>
        fc.record({ objectives: markdown, position: markdown, redLines: markdown, fallback: words(1, 30), background: markdown, talkingPoints: fc.array(markdown, { maxLength: 4 }), followUps, privateNotes: markdown }),
      ),
    ),
    contacts,
  })
  .map(({ long, longAt, sections, contacts }, ): Omit<BriefSpec, 'id'> => ({
    sections: sections.map((s, i) => ({ agendaItemId: ITEMS[i]!, ...s, position: i === longAt ? `${s.position}\n\n${long}` : s.position })),
    contacts,
  }));

const wordsOf = (text: string) => markdownToPlainText(text).split(/\s+/).filter((w) => w !== '');

/** The brief's words in the order the pack prints them; the internal profile's own fields apart. */
function expectedWords(spec: Omit<BriefSpec, 'id'>, internal: boolean): { printed: string[]; internalOnly: string[] } {
  const printed: string[] = [];
  const internalOnly: string[] = [];
  for (const s of spec.sections) {
    printed.push(...wordsOf(s.objectives ?? ''), ...wordsOf(s.position ?? ''));
    (internal ? printed : internalOnly).push(...wordsOf(s.redLines ?? ''), ...wordsOf(s.fallback ?? ''));
    for (const point of s.talkingPoints ?? []) printed.push(...wordsOf(point));
    printed.push(...wordsOf(s.background ?? ''));
    for (const f of s.followUps ?? []) printed.push(...wordsOf(f.what), ...wordsOf(f.owner));
    (internal ? printed : internalOnly).push(...wordsOf(s.privateNotes ?? ''));
  }
  for (const c of spec.contacts ?? []) printed.push(...c.name.split(' '), ...c.role.split(' ').filter(Boolean));
  return { printed, internalOnly };
}

/** The printed body text as one string without spaces, the pack's repeated furniture left out. */
function printedStream(pages: string[]): string {
  return pages
    .flatMap((text) => text.split('\n'))
    .filter((line) => !/\(continued\)\s*$/.test(line) && !/^[\p{Lu}\s\d]+$/u.test(line.trim()))
    .join('')
    .replace(/\s+/g, '')
    .normalize('NFC');
}

describe('packs print every word', () => {
  it('prints every word of generated briefs, in order, for both profiles and both papers', async () => {
    const { context, page } = await freshPage(app.browser);
    const ui = new AppPage(page, app.url);
    await ui.open('/');
    const pack = new PackScreen(page);
    let run = 0;
    const result = await fc.check(
      fc.asyncProperty(brief, async (spec) => {
        const id = `words-${++run}`;
        await injectAsoenBrief(page, { id, ...spec });
        await ui.open(`/briefings/${id}/pack`);
        await pack.waitReady(120_000);
        for (const profile of ['Internal', 'Shareable'] as const) {
          await pack.chooseProfile(profile);
          for (const paper of ['A4', 'US Letter'] as const) {
            await pack.choosePaper(paper);
            const pages = await pack.waitReady(120_000);
            const pdf = new PdfFile(await pack.pdf());
            assert.equal(pdf.pageCount(), pages);
            const stream = printedStream(await bodyTexts(page, pdf));
            const { printed, internalOnly } = expectedWords(spec, profile === 'Internal');
            if (process.env.PACK_WORDS_DEBUG) console.log(profile, paper, pages, "pages", printed.length, "words", stream.length, "chars");
            let at = 0;
            for (const [n, w] of printed.entries()) {
              const found = stream.indexOf(w.normalize('NFC'), at);
              assert.ok(found >= 0, `${profile}, ${paper}: word ${n + 1} of ${printed.length} ("${w.slice(0, 40)}") is printed after the one before (${pages} pages)`);
              at = found + w.length;
            }
            for (const w of internalOnly.filter((x) => x.length >= 8)) assert.ok(!stream.includes(w), `${profile} leaves out "${w}"`);
          }
        }
      }),
      { numRuns: 3, endOnFailure: true },
    );
    // The generated brief is far too long to print: the seed reproduces it (fc.check's `seed` option).
    if (result.failed) assert.fail(`seed ${result.seed}: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`);
    assert.deepEqual(pageErrors(page), []);
    await context.close();
  });
});
