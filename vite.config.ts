import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { builtinDataset } from './scripts/vite-plugin-builtin-dataset';
import { offlineServiceWorker } from './scripts/vite-plugin-offline';
import { pdfjsData } from './scripts/vite-plugin-pdfjs-data';

const { version } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string };

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  root: resolve('renderer'),
  base: '/',
  // The app's icons double as the web page's icons.
  publicDir: resolve('assets/icons'),
  // pdfjsData before offlineServiceWorker: the fonts and CMaps it emits are precached with the rest.
  plugins: [react(), builtinDataset(resolve('assets/dataset')), pdfjsData(resolve('node_modules/pdfjs-dist')), offlineServiceWorker()],
  build: {
    // WEB_OUT_DIR lets two builds run side by side (for example two test runs); the default is
    // where the web server and the Electron protocol look.
    // An empty WEB_OUT_DIR means the default: resolve('') is the repository itself, which emptyOutDir would wipe.
    outDir: resolve(process.env.WEB_OUT_DIR || 'dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1' },
});
