import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * zod decides at schema creation whether to compile parsers with `new Function`, which the
 * CSP refuses (and reports). So every entry point's first import is shared/zod-jitless.ts:
 * the renderer, each worker (a new worker added later fails here until it does the same) and main.
 */

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const workers = filesUnder('renderer').filter((file) => /\.worker\.tsx?$/.test(file));
const entries = ['renderer/main.tsx', 'electron/main.ts', ...workers];

describe('zod runs jitless', () => {
  it('has workers to check', () => {
    expect(workers.length).toBeGreaterThan(0);
  });

  it.each(entries)('%s imports shared/zod-jitless before anything else', (file) => {
    const firstImport = /^import\s[^;]*;/m.exec(readFileSync(file, 'utf8'))?.[0];
    expect(firstImport).toMatch(/^import '(\.\.\/)+shared\/zod-jitless';$/);
  });
});
