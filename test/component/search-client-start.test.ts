import { beforeEach, describe, expect, it } from 'vitest';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { SearchClient } from '../../renderer/features/search/client';

beforeEach(async () => {
  await ensureBuiltinDataset(db);
});

describe('when the search index is first built', () => {
  it('waits for the page to be ready while other documents go in, and a search starts it at once', async () => {
    let release: (() => void) | undefined;
    const client = new SearchClient(true, (start) => (release = start));
    const statuses: boolean[] = [];
    client.onStatus((s) => statuses.push(s.building));
    client.send({ type: 'load-reference' });
    client.send({ type: 'replace-kind', kind: 'note', docs: [{ kind: 'note', id: 'n1', href: '/', title: 'Mangrove talking point' }] });
    // A second install while the first build waits: still one build.
    client.send({ type: 'load-reference' });
    // The note is indexed; the reference build has not begun.
    await new Promise<void>((resolve) => client.onStatus((s) => s.docs === 1 && resolve()));
    expect(release).toBeDefined();
    expect(statuses).not.toContain(true);
    expect(client.status.ready).toBe(false);
    // The delegate searches: the build starts now, and the answer comes from the built index.
    const asoen = await client.query('asoen', 'en');
    expect(asoen.hits[0]?.key).toBe('body:asoen');
    expect((await client.query('mangrove', 'en')).hits.map((h) => h.key)).toEqual(['note:n1']);
    expect(client.status.ready).toBe(true);
    const builds = statuses.filter((building, i) => building && !statuses[i - 1]).length;
    expect(builds).toBe(1);
    // The page becoming idle later changes nothing.
    release!();
    expect((await client.query('asoen', 'en')).hits[0]?.key).toBe('body:asoen');
    expect(statuses.filter((building, i) => building && !statuses[i - 1]).length).toBe(1);
    client.dispose();
  });
});
