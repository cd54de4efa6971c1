import { describe, expect, it } from 'vitest';
import { claimsPdf, hasPdfHeader, MAX_PAPER_BYTES, mentionsJavaScript, tooLarge } from '../../shared/papers/file-checks';
import { makePdf } from './papers-fixtures';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('file checks before a paper is stored', () => {
  it('caps the size from the size alone', () => {
    expect(tooLarge(500 * 1024 * 1024)).toBe(true);
    expect(tooLarge(MAX_PAPER_BYTES)).toBe(false);
    expect(tooLarge(MAX_PAPER_BYTES + 1)).toBe(true);
  });

  it('knows a PDF by its header, not its name', async () => {
    expect(hasPdfHeader(await makePdf([['x']]))).toBe(true);
    expect(hasPdfHeader(bytes('\n\n%PDF-1.4 after some junk'))).toBe(true);
    expect(hasPdfHeader(bytes('Minutes of the meeting'))).toBe(false);
    expect(claimsPdf('Minutes.PDF', '')).toBe(true);
    expect(claimsPdf('minutes.docx', 'application/pdf')).toBe(true);
    expect(claimsPdf('minutes.docx', '')).toBe(false);
  });

  // Scripts inside compressed object streams (pdf-lib's default) are found by pdf.js at attach
  // time instead (getJSActions); the e2e test attaches such a PDF and sees the notice.
  it('sees JavaScript actions named in a PDF\'s structure, and none in a plain one', async () => {
    expect(mentionsJavaScript(await makePdf([['A plain paper']]))).toBe(false);
    expect(mentionsJavaScript(bytes('<< /S /JavaScript /JS (x) >>'))).toBe(true);
    expect(mentionsJavaScript(bytes('<< /JSONData 1 >>'))).toBe(false);
  });
});
