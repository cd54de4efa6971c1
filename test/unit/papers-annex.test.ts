import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { AnnexError, appendAnnex, countPages, planAnnex } from '../../shared/papers/annex';
import { makePdf, pdfPageTexts } from './papers-fixtures';

const label = (x: number, y: number) => `Page ${x} of ${y}`;

describe('pack annex', () => {
  it('plans where each paper starts and the total the pack must print', () => {
    expect(planAnnex(30, [{ title: 'A', pageCount: 4 }, { title: 'B', pageCount: 2 }])).toEqual({
      entries: [
        { title: 'A', firstPage: 31, pageCount: 4 },
        { title: 'B', firstPage: 35, pageCount: 2 },
      ],
      totalPages: 36,
    });
  });

  it("merges papers' pages after the pack with the marking and continued page numbers on each", async () => {
    const pack = await makePdf([['Pack cover'], ['Pack brief'], ['Pack sources']]);
    const agenda = await makePdf([['Annotated provisional agenda'], ['Item 2: climate change']]);
    const statement = await makePdf([['Draft joint statement of ASOEN-36']]);
    const { bytes, plan } = await appendAnnex(pack, [{ title: 'Agenda', bytes: agenda }, { title: 'Statement', bytes: statement }], { marking: 'RESTRICTED', pageLabel: label });
    expect(plan.totalPages).toBe(6);
    expect(plan.entries.map((e) => e.firstPage)).toEqual([4, 6]);
    const texts = await pdfPageTexts(bytes);
    expect(texts).toHaveLength(6);
    expect(texts[0]).toContain('Pack cover');
    expect(texts[0]).not.toContain('RESTRICTED');
    expect(texts[3]).toContain('Annotated provisional agenda');
    expect(texts[4]).toContain('Item 2: climate change');
    expect(texts[5]).toContain('Draft joint statement');
    texts.slice(3).forEach((text, i) => {
      expect(text).toContain(`Page ${i + 4} of 6`);
      expect(text.match(/RESTRICTED/g)).toHaveLength(2);
    });
  });

  it('stamps letters the standard font lacks without failing (Vietnamese marking)', async () => {
    const pack = await makePdf([['Pack']]);
    const paper = await makePdf([['Paper']]);
    const { bytes } = await appendAnnex(pack, [{ title: 'P', bytes: paper }], { marking: 'MẬT — Hạn chế', pageLabel: (x, y) => `Trang ${x}/${y}` });
    const texts = await pdfPageTexts(bytes);
    expect(texts[1]).toContain('MAT');
    expect(texts[1]).toContain('Trang 2/2');
  });

  it('names the paper it cannot read and returns nothing half-merged', async () => {
    const pack = await makePdf([['Pack']]);
    const broken = new TextEncoder().encode('%PDF-1.7\nthis is not a real PDF body');
    await expect(appendAnnex(pack, [{ title: 'Broken paper', bytes: broken }], { marking: 'X', pageLabel: label })).rejects.toMatchObject({ title: 'Broken paper' });
    await expect(appendAnnex(pack, [{ title: 'Broken paper', bytes: broken }], { marking: 'X', pageLabel: label })).rejects.toBeInstanceOf(AnnexError);
  });

  it('counts pages as the merge will', async () => {
    expect(await countPages(await makePdf([['a'], ['b'], ['c']]))).toBe(3);
    const doc = await PDFDocument.load(await makePdf([['a']]));
    expect(doc.getPageCount()).toBe(1);
  });
});

