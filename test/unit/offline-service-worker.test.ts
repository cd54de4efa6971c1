import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheVersion, filesUnder, missingFiles, precacheList, serviceWorkerSource } from '../../scripts/vite-plugin-offline';

const cacheOf = (source: string): string => /const CACHE = '([^']+)'/.exec(source)![1]!;

describe('the offline service worker', () => {
  const files = [
    { name: 'index.html', bytes: '<!doctype html>' },
    { name: 'assets/index-abc.js', bytes: 'console.log(1)' },
    { name: 'icon.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
  ];

  it('precaches every file, public-folder icons included, with the shell last', () => {
    expect(precacheList(serviceWorkerSource(files))).toEqual(['./', 'assets/index-abc.js', 'icon.png', 'index.html']);
  });

  it('gets a new cache when a file changes but keeps its name', () => {
    const changed = files.map((f) => (f.name === 'icon.png' ? { ...f, bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x48]) } : f));
    expect(cacheOf(serviceWorkerSource(changed))).not.toBe(cacheOf(serviceWorkerSource(files)));
  });

  it('keeps its cache when nothing changed, whatever the order files come in', () => {
    expect(cacheVersion([...files].reverse())).toBe(cacheVersion(files));
  });

  it('does not confuse bytes moved from one file to the next', () => {
    expect(cacheVersion([{ name: 'a', bytes: 'xy' }, { name: 'b', bytes: 'z' }])).not.toBe(cacheVersion([{ name: 'a', bytes: 'x' }, { name: 'b', bytes: 'yz' }]));
  });

  it('names the precached files that were not written, so the build fails instead of the offline install', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'built-'));
    try {
      mkdirSync(path.join(dir, 'assets'));
      writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
      writeFileSync(path.join(dir, 'assets', 'index-abc.js'), '');
      const precached = precacheList(serviceWorkerSource([...files, { name: 'assets/style-only-chunk.js', bytes: '' }]));
      expect(missingFiles(precached, dir)).toEqual(['assets/style-only-chunk.js', 'icon.png']);
      writeFileSync(path.join(dir, 'icon.png'), 'png');
      writeFileSync(path.join(dir, 'assets', 'style-only-chunk.js'), '');
      expect(missingFiles(precached, dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists a public folder recursively', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'public-'));
    try {
      mkdirSync(path.join(dir, 'nested'));
      writeFileSync(path.join(dir, 'icon.svg'), '<svg/>');
      writeFileSync(path.join(dir, 'nested', 'a.png'), 'png');
      expect(filesUnder(dir).map((f) => f.name).sort()).toEqual(['icon.svg', 'nested/a.png']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
