import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Emits `sw.js`, a service worker that precaches every file the app loads (the build's
 * chunks and assets, and the public folder's files: the icons) so that web mode keeps working
 * offline after its first load. The cache name is a hash of every file's name and contents,
 * so any change to any file gives a new cache, which replaces the old one in one step.
 */

export interface PrecachedFile {
  /** Path relative to the site's root, with forward slashes. */
  name: string;
  bytes: string | Uint8Array;
}

/** The cache version: a digest of the names and contents of all files, in name order. */
export function cacheVersion(files: readonly PrecachedFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes;
    // Name and length first, so no two different file sets hash alike by shifting bytes across a boundary.
    hash.update(`${file.name}\0${bytes.byteLength}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Files of a folder (recursively), named relative to it. */
export function filesUnder(dir: string, prefix = ''): PrecachedFile[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const name = `${prefix}${entry.name}`;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, `${name}/`);
    return entry.isFile() ? [{ name, bytes: readFileSync(full) }] : [];
  });
}

export function serviceWorkerSource(files: readonly PrecachedFile[]): string {
  const names = files.map((f) => f.name).filter((f) => f !== 'index.html' && f !== 'sw.js').sort();
  return `// Generated at build time: precaches the app for offline use.
const CACHE = 'delegate-shell-${cacheVersion(files)}';
const PRECACHE = ${JSON.stringify(['./', ...names, 'index.html'])};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('delegate-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every address of the app is a client-side route: answer with the cached shell.
    event.respondWith(caches.match('index.html').then((cached) => cached || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
});
`;
}

/** Precached names with no file in the written folder (a plugin deleted or renamed one after the list was made). */
export function missingFiles(precached: readonly string[], outDir: string): string[] {
  return precached.filter((name) => name !== './' && !existsSync(path.join(outDir, name)));
}

export function offlineServiceWorker(): Plugin {
  let publicDir: string | undefined;
  let outDir = '';
  let precached: string[] = [];
  return {
    name: 'offline-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir || undefined;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // After the other plugins' generateBundle: Vite's CSS plugin deletes there the empty JavaScript
    // of chunks that hold only CSS, and a precached name with no file makes the install fail.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const built: PrecachedFile[] = Object.values(bundle)
          .filter((output) => !output.fileName.endsWith('.map'))
          .map((output) => ({ name: output.fileName, bytes: output.type === 'chunk' ? output.code : output.source }));
        // Vite copies the public folder beside the bundle without passing it through here.
        const builtNames = new Set(built.map((f) => f.name));
        const copied = publicDir ? filesUnder(publicDir).filter((f) => !builtNames.has(f.name)) : [];
        const source = serviceWorkerSource([...built, ...copied]);
        precached = precacheList(source);
        this.emitFile({ type: 'asset', fileName: 'sw.js', source });
      },
    },
    // Every name the worker precaches must be a written file: one missing name fails the whole
    // install (cache.addAll), and the app silently stops working offline. Fail the build instead.
    writeBundle: {
      order: 'post',
      handler() {
        const missing = missingFiles(precached, outDir);
        if (missing.length > 0) this.error(`the service worker precaches files the build did not write: ${missing.join(', ')}`);
      },
    },
  };
}

/** The names a generated service worker precaches. */
export function precacheList(source: string): string[] {
  const list = /const PRECACHE = (\[.*\]);/.exec(source);
  if (!list) throw new Error('not a generated service worker');
  return JSON.parse(list[1]!) as string[];
}
