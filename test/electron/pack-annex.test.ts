import { describe, expect, it } from 'vitest';
import { withAnnex } from '../../electron/pack-annex';
import { PackAnnexRequest } from '../../shared/papers/annex-request';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

// Small local copies of test/unit/papers-fixtures.ts (that file belongs to the renderer's test project).
async function makePdf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 18, size: 11, font }));
  }
  return doc.save();
}
function pdfPageTexts(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'pack-annex-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', path.join(dir, 'in.pdf'), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('pack annex request (desktop, after printToPDF)', () => {
  it('validates the payload and merges with the label template in the pack language', async () => {
    const paper = await makePdf([['Concept note']]);
    expect(PackAnnexRequest.safeParse({ marking: 'TERHAD', pageLabel: 'Halaman {page}', papers: [{ title: 'A', bytes: paper }] }).success).toBe(false);
    expect(PackAnnexRequest.safeParse({ marking: 'TERHAD', pageLabel: 'Halaman {page} daripada {total}', papers: [] }).success).toBe(false);
    const request = PackAnnexRequest.parse({ marking: 'TERHAD', pageLabel: 'Halaman {page} daripada {total}', papers: [{ title: 'Nota konsep', bytes: paper }] });
    const pack = await makePdf([['Pek'], ['Pek 2']]);
    const texts = pdfPageTexts(await withAnnex(pack, request));
    expect(texts).toHaveLength(3);
    expect(texts[2]).toContain('Halaman 3 daripada 3');
    expect(texts[2]).toContain('TERHAD');
    expect(await withAnnex(pack, undefined)).toBe(pack);
  });
});
