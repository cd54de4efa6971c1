import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../shared/search';
import { afterFirstPaint, type FirstPaintClock } from '../../renderer/features/search/first-paint';
import { createSearchHost } from '../../renderer/features/search/host';
import type { FromSearchWorker } from '../../renderer/features/search/protocol';

const body = (id: string, title: string): SearchDoc => ({ kind: 'body', id, href: `/bodies/${id}`, acronyms: [id.toUpperCase()], title });

function hostWithGate() {
  const messages: FromSearchWorker[] = [];
  let open!: (docs: SearchDoc[]) => void;
  const gate = new Promise<SearchDoc[]>((resolve) => (open = resolve));
  const host = createSearchHost(
    (m) => messages.push(m),
    async (onRead) => {
      const docs = await gate;
      onRead?.(1);
      return docs;
    },
  );
  const answer = (reqId: number) => messages.find((m) => 'reqId' in m && m.reqId === reqId);
  return { host, messages, open, answer };
}

describe('the search worker host', () => {
  it('answers a query typed during the first build when the build ends, from the built index, and reports the build while it runs', async () => {
    const { host, messages, open, answer } = hostWithGate();
    void host.handle({ type: 'load-reference' });
    const done = host.handle({ type: 'query', reqId: 1, q: 'asoen', lang: 'en', limit: 5 });
    await new Promise((r) => setTimeout(r, 10));
    expect(answer(1)).toBeUndefined();
    const statuses = messages.flatMap((m) => (m.type === 'status' ? [m.status] : []));
    expect(statuses.at(-1)).toMatchObject({ ready: false, building: true, percent: 0 });
    open([body('asoen', 'ASEAN Senior Officials on Environment'), body('amme', 'ASEAN Ministerial Meeting on Environment')]);
    await done;
    const result = answer(1);
    expect(result?.type).toBe('result');
    expect(result?.type === 'result' && result.result.hits[0]?.key).toBe('body:asoen');
    const last = messages.flatMap((m) => (m.type === 'status' ? [m.status] : [])).at(-1)!;
    expect(last).toMatchObject({ ready: true, building: false, docs: 2 });
    expect(last.percent).toBeUndefined();
    // Progress went up to 100 without bumping the revision views re-query on.
    const during = messages.flatMap((m) => (m.type === 'status' && m.status.building ? [m.status] : []));
    expect(during.map((s) => s.percent)).toContain(100);
    expect(new Set(during.map((s) => s.revision)).size).toBe(1);
  });

  it('skips a query cancelled before it began, and still answers the next', async () => {
    const { host, open, answer } = hostWithGate();
    void host.handle({ type: 'load-reference' });
    void host.handle({ type: 'query', reqId: 1, q: 'a', lang: 'en', limit: 5 });
    void host.handle({ type: 'query', reqId: 2, q: 'as', lang: 'en', limit: 5 });
    const last = host.handle({ type: 'query', reqId: 3, q: 'aso', lang: 'en', limit: 5 });
    void host.handle({ type: 'cancel', reqId: 1 });
    void host.handle({ type: 'cancel', reqId: 2 });
    open([body('asoen', 'ASEAN Senior Officials on Environment')]);
    await last;
    expect(answer(1)).toEqual({ type: 'skipped', reqId: 1 });
    expect(answer(2)).toEqual({ type: 'skipped', reqId: 2 });
    expect(answer(3)?.type).toBe('result');
  });
});

describe('starting the search index after the first paint', () => {
  function fakeClock(state: { loaded: boolean; ready: boolean }) {
    const pending: { kind: string; run: () => void }[] = [];
    const clock: FirstPaintClock = {
      readyState: () => (state.loaded ? 'complete' : 'loading'),
      onLoad: (listener) => pending.push({ kind: 'load', run: listener }),
      appReady: () => state.ready,
      onAppReady: (listener) => pending.push({ kind: 'app-ready', run: listener }),
      frame: (callback) => pending.push({ kind: 'frame', run: callback }),
      idle: (callback) => pending.push({ kind: 'idle', run: callback }),
    };
    /** Fires the first pending event of this kind. */
    const fire = (kind: string) => {
      const i = pending.findIndex((p) => p.kind === kind);
      expect(i, `a pending ${kind}`).toBeGreaterThanOrEqual(0);
      pending.splice(i, 1)[0]!.run();
    };
    return { clock, fire, pending };
  }

  it('waits for the load, the app, two painted frames and an idle moment, then runs once', () => {
    const state = { loaded: false, ready: false };
    const { clock, fire, pending } = fakeClock(state);
    let runs = 0;
    afterFirstPaint(() => runs++, clock);
    state.loaded = true;
    fire('load');
    expect(runs).toBe(0);
    state.ready = true;
    fire('app-ready');
    fire('frame');
    fire('frame');
    expect(runs).toBe(0);
    fire('idle');
    expect(runs).toBe(1);
    expect(pending).toHaveLength(0);
  });

  it('on a page already loaded and ready, needs only the frames and the idle moment', () => {
    const { clock, fire } = fakeClock({ loaded: true, ready: true });
    let runs = 0;
    afterFirstPaint(() => runs++, clock);
    fire('frame');
    fire('frame');
    fire('idle');
    expect(runs).toBe(1);
  });
});
