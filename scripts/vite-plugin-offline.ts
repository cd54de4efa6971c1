import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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

export function offlineServiceWorker(): Plugin {
  let publicDir: string | undefined;
  return {
    name: 'offline-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir || undefined;
    },
    generateBundle(_options, bundle) {
      const built: PrecachedFile[] = Object.values(bundle)
        .filter((output) => !output.fileName.endsWith('.map'))
        .map((output) => ({ name: output.fileName, bytes: output.type === 'chunk' ? output.code : output.source }));
      // Vite copies the public folder beside the bundle without passing it through here.
      const builtNames = new Set(built.map((f) => f.name));
      const copied = publicDir ? filesUnder(publicDir).filter((f) => !builtNames.has(f.name)) : [];
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource([...built, ...copied]) });
    },
  };
}
