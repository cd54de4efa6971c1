import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { filesUnder } from './vite-plugin-offline';

/**
 * Ships pdf.js's data files with the app, under `/pdfjs/`: the standard fonts (the 14 fonts a
 * PDF may name without embedding them: Helvetica, Times, Courier, Symbol...) and the CMaps
 * (the character maps that CJK text names, such as UniJIS-UCS2-H). Without them a paper with
 * non-embedded fonts renders in a substitute, and Chinese, Japanese or Korean text not at all.
 * Emitted into the bundle in the build (before the offline service worker lists the bundle, so
 * they are precached and work offline); served from node_modules by the dev server.
 */
export const PDFJS_DATA_FOLDERS = ['standard_fonts', 'cmaps'] as const;
export const PDFJS_DATA_BASE = 'pdfjs';

export function pdfjsDataFiles(pdfjsRoot: string): { name: string; bytes: Uint8Array }[] {
  return PDFJS_DATA_FOLDERS.flatMap((folder) =>
    filesUnder(path.join(pdfjsRoot, folder), `${PDFJS_DATA_BASE}/${folder}/`).map((f) => ({ name: f.name, bytes: f.bytes as Uint8Array })),
  );
}

export function pdfjsData(pdfjsRoot: string): Plugin {
  return {
    name: 'pdfjs-data',
    generateBundle() {
      const files = pdfjsDataFiles(pdfjsRoot);
      if (files.length === 0) this.error(`pdf.js data files not found under ${pdfjsRoot}`);
      for (const file of files) this.emitFile({ type: 'asset', fileName: file.name, source: file.bytes });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        const match = /^\/pdfjs\/(standard_fonts|cmaps)\/([A-Za-z0-9._-]+)$/.exec(url);
        if (!match) return next();
        try {
          const bytes = readFileSync(path.join(pdfjsRoot, match[1]!, match[2]!));
          res.setHeader('Content-Type', 'application/octet-stream');
          res.end(bytes);
        } catch {
          res.statusCode = 404;
          res.end();
        }
      });
    },
  };
}
