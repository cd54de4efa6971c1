import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { dataKey, setPlainMode, setUnlocked } from '../../renderer/crypto/key-state';
import { db } from '../../renderer/db/db';
import { makeStreamedBackup } from '../../renderer/features/backup/stream/backup-writer';
import { sha256Hex } from '../../renderer/papers/pdf/inspect-bytes';
import { writeChunks } from '../../renderer/papers/storage/paper-chunks';

/*
 * A measurement, not a check (skipped unless BENCH_PAPER_MEMORY is set): the live memory (sampled
 * after a forced GC every 20 ms) above the baseline while a backup of one 60 MB paper is made,
 * with the paper stored in pieces (schema 12). Node and fake IndexedDB, not a browser: the 80 MB
 * backup Blob itself is in the figure (a browser keeps it in blob storage).
 *   BENCH_PAPER_MEMORY=1 NODE_OPTIONS=--expose-gc npx vitest run --configLoader runner test/unit/paper-backup-memory.test.ts
 */
const MB = 1024 * 1024;
const mem = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
it.runIf(process.env.BENCH_PAPER_MEMORY)('peak memory of a backup of a 60 MB paper', async () => {
  setUnlocked(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
  const bytes = new Uint8Array(60 * MB);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
  const NOW = '2026-11-30T10:00:00.000Z';
  await db.papers.add({ id: 'p1', title: 'Big', owner: { kind: 'meeting', id: 'm' }, ownerKey: 'meeting:m', currentVersionId: 'v1', createdAt: NOW, createdBy: 'A', updatedAt: NOW });
  await db.paperVersions.add({ id: 'v1', paperId: 'p1', revision: 0, label: 'Original', name: 'big.pdf', type: 'application/pdf', size: bytes.byteLength, sha256: await sha256Hex(bytes), isPdf: true, addedAt: NOW, addedBy: 'A' });
  // PAPER_STORE=blob: the paper as schema 11 stored it (one row), for the figure before.
  const mode = process.env.PAPER_STORE ?? 'chunks';
  if (mode === 'chunks') await writeChunks('v1', bytes);
  else await db.paperBlobs.add({ versionId: 'v1', blob: new Blob([bytes]) });
  // As after a restart: nothing remembered decrypted.
  const key = dataKey()!;
  setPlainMode();
  setUnlocked(key);
  (globalThis as { gc?: () => void }).gc?.();
  const base = mem();
  let peak = base;
  const gc = (globalThis as { gc?: () => void }).gc!;
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, mem());
  }, 20);
  const made = await makeStreamedBackup();
  clearInterval(timer);
  peak = Math.max(peak, mem());
  console.log(`BENCH ${mode}: backup ${Math.round(made.blob.size / MB)} MB, peak above baseline ${Math.round((peak - base) / MB)} MB, loadavg ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()}`);
  expect(made.blob.size).toBeGreaterThan(60 * MB);
}, 300_000);
