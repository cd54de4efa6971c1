import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../shared/search';
import { SearchClient } from '../../renderer/features/search/client';
import { createSearchHost } from '../../renderer/features/search/host';
import { DOCS_PER_MESSAGE, Outbox, splitCommand } from '../../renderer/features/search/intake';
import type { FromSearchWorker, SearchCommand, ToSearchWorker } from '../../renderer/features/search/protocol';

/*
 * The search worker's intake: a large change (the first load of 100k sections, a restore) goes
 * in bounded messages, a task apart, and the index still holds every document of it.
 */
const notes = (n: number, word = 'mangrove'): SearchDoc[] => Array.from({ length: n }, (_, i) => ({ kind: 'note', id: `n${i}`, href: `/n/${i}`, title: `Note ${i}`, text: [`${word} number${i}`] }));
const sizes = (parts: SearchCommand[]) => parts.map((p) => ('docs' in p ? p.docs.length : 0));
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('search intake', () => {
  it('splits a large replace-kind into a replace and upserts of at most the bound, in order, all but the last marked more', () => {
    const docs = notes(DOCS_PER_MESSAGE * 2 + 5);
    const parts = splitCommand({ type: 'replace-kind', kind: 'note', docs });
    expect(sizes(parts)).toEqual([DOCS_PER_MESSAGE, DOCS_PER_MESSAGE, 5]);
    expect(parts.map((p) => p.type)).toEqual(['replace-kind', 'upsert', 'upsert']);
    expect(parts.map((p) => ('more' in p ? p.more : undefined))).toEqual([true, true, undefined]);
    expect(parts.flatMap((p) => ('docs' in p ? p.docs.map((d) => d.id) : []))).toEqual(docs.map((d) => d.id));
    // Small commands, and those without documents, go as they are.
    const small: SearchCommand = { type: 'upsert', docs: notes(3) };
    expect(splitCommand(small)).toEqual([small]);
    expect(splitCommand({ type: 'load-reference' })).toEqual([{ type: 'load-reference' }]);
  });

  it('posts the first message at once and each next one on a later task, in order', async () => {
    const posted: ToSearchWorker[] = [];
    const outbox = new Outbox((m) => posted.push(m));
    const parts = splitCommand({ type: 'upsert', docs: notes(DOCS_PER_MESSAGE * 3) });
    outbox.push(parts);
    expect(posted).toEqual([parts[0]]);
    await nextTask();
    expect(posted).toHaveLength(2);
    outbox.push([{ type: 'remove', kind: 'note', ids: ['n1'] }]);
    await outbox.drained();
    expect(posted.map((m) => m.type)).toEqual(['upsert', 'upsert', 'upsert', 'remove']);
    expect(posted.slice(0, 3)).toEqual(parts);
  });

  it('tells the views once for a change sent in parts', async () => {
    const statuses: FromSearchWorker[] = [];
    const host = createSearchHost((m) => m.type === 'status' && statuses.push(m), async () => []);
    for (const part of splitCommand({ type: 'replace-kind', kind: 'note', docs: notes(DOCS_PER_MESSAGE * 2 + 1) })) await host.handle(part);
    expect(statuses).toHaveLength(1);
    expect(host.index.size).toBe(DOCS_PER_MESSAGE * 2 + 1);
  });

  it('indexes every document of a large load sent through the client, and a query sent after it sees all of it', async () => {
    const client = new SearchClient(true, () => undefined);
    const count = DOCS_PER_MESSAGE * 2 + 7;
    client.send({ type: 'replace-kind', kind: 'note', docs: notes(count, 'seagrass') });
    const last = await client.query(`number${count - 1}`, 'en');
    expect(last.hits.map((h) => h.key)).toContain(`note:n${count - 1}`);
    expect((await client.query('number0', 'en')).hits.map((h) => h.key)).toContain('note:n0');
    expect(client.status.docs).toBe(count);
    // A later full load replaces the earlier one whole, parts and all.
    client.send({ type: 'replace-kind', kind: 'note', docs: notes(count, 'coral') });
    expect((await client.query('seagrass', 'en')).hits).toEqual([]);
    expect((await client.query('coral', 'en')).total).toBeGreaterThan(0);
    client.dispose();
  });
});
