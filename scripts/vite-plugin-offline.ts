import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * Emits `sw.js`, a service worker that precaches every file of the build so that web
 * mode keeps working offline after its first load. The cache name carries a hash of the
 * file list, so a new build replaces the old cache in one step.
 */
export function offlineServiceWorker(): Plugin {
  return {
    name: 'offline-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map')).sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const source = `// Generated at build time: precaches the app shell for offline use.
const CACHE = 'delegate-shell-${version}';
const PRECACHE = ${JSON.stringify(['./', ...files.filter((f) => f !== 'index.html'), 'index.html'])};
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
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
