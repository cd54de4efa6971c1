// Bundles the main process and the preload into dist/electron as CommonJS.
// CommonJS because a sandboxed preload cannot load ES modules, and one format for both keeps
// the packaged app simple. `electron` stays external: the runtime provides it.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
// Electron 45 runs Node 22 in main and preload.
const target = Number(electronVersion.split('.')[0]) >= 45 ? 'node22' : 'node20';

await build({
  absWorkingDir: root,
  entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target,
  external: ['electron'],
  sourcemap: true,
  // Sources are readable in the shipped app anyway; names help the crash logs.
  minify: false,
  logLevel: 'info',
});
