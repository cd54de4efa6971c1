import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from '../../scripts/vite-plugin-offline';
import { pdfjsDataFiles } from '../../scripts/vite-plugin-pdfjs-data';

describe('pdf.js data files shipped with the app', () => {
  const files = pdfjsDataFiles(path.resolve('node_modules/pdfjs-dist'));
  const names = files.map((f) => f.name);

  it('are the standard fonts and every CMap, under /pdfjs/, with their licences', () => {
    // Helvetica's (Liberation Sans), Times' and Courier's replacements, Symbol, and the Japanese, Chinese and Korean maps.
    for (const name of ['FoxitSerif.pfb', 'FoxitFixed.pfb', 'FoxitSymbol.pfb', 'LiberationSans-Regular.ttf', 'LICENSE_FOXIT']) expect(names).toContain(`pdfjs/standard_fonts/${name}`);
    for (const name of ['UniJIS-UCS2-H.bcmap', 'Adobe-Japan1-UCS2.bcmap', 'UniGB-UCS2-H.bcmap', 'UniKS-UCS2-H.bcmap', 'Adobe-CNS1-UCS2.bcmap']) expect(names).toContain(`pdfjs/cmaps/${name}`);
    expect(names.filter((n) => n.startsWith('pdfjs/cmaps/')).length).toBeGreaterThan(150);
    expect(files.every((f) => f.bytes.byteLength > 0)).toBe(true);
  });

  it('are precached by the offline service worker with the rest of the bundle', () => {
    const sw = serviceWorkerSource([{ name: 'index.html', bytes: '<html>' }, { name: 'assets/app.js', bytes: '' }, ...files]);
    expect(sw).toContain('"pdfjs/cmaps/UniJIS-UCS2-H.bcmap"');
    expect(sw).toContain('"pdfjs/standard_fonts/LiberationSans-Regular.ttf"');
  });
});
