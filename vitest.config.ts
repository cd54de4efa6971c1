import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { builtinDataset } from './scripts/vite-plugin-builtin-dataset';

const { version } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string };

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [react(), builtinDataset(resolve('assets/dataset'))],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/electron/**/*.test.ts'],
          // A ceiling for a loaded CI runner (fast-check properties, 100k-record fixtures), not a wait.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          // The real relay on 127.0.0.1 (temporary data folders, free ports) with Node clients.
          name: 'relay',
          environment: 'node',
          include: ['test/relay/**/*.test.ts'],
          // Real sockets and restarts on a shared machine: room for a loaded CI runner.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.{ts,tsx}'],
          setupFiles: ['test/component/setup.ts'],
          // The tests wait for content (findBy…, waitFor); on a loaded CI runner the content can
          // take seconds to arrive through fake IndexedDB, encryption and React, so the ceilings
          // are generous (here and asyncUtilTimeout in setup.ts). A test still fails at once when
          // the content is wrong; only a missing one waits the full ceiling.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
