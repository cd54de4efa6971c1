/**
 * The briefing relay, measured as a member would feel it: the real relay in its own process
 * (`node --import tsx relay/main.ts`, as `npm run relay`), Node clients on @hocuspocus/provider
 * over 127.0.0.1, a briefing of 300 agenda items shaped like the app's document (a Y.Map of
 * sections, each with Y.Text fields and a list of talking points).
 *
 * - keystroke to text on another member's screen: one character typed by one client, until
 *   another client's document has it; p95 over 200 keystrokes, with 2 and with 30 members
 *   connected to the 300-item briefing;
 * - 30 members opening the 300-item briefing: until all 30 have synced it;
 * - 1,000 edits made offline, merged on reconnect: from reconnecting until the other client
 *   has all of them, for the same provider reconnecting (it replays its queue of 1,000 update
 *   messages) and for a fresh provider on the same document (one sync diff);
 * - a member change (the lead renames a member) until all 30 connected members are told
 *   `members-changed` (the members list is pushed, not polled); p95 over 20 changes;
 * - relay memory per open briefing: the relay process's resident memory (Linux /proc) after
 *   opening 10 more 300-item briefings, one member each, minus before, over 10.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { RegisterBriefing } from '../../shared/collab/relay-api';
import { parseMembersChanged, relayDocumentName, type Role } from '../../shared/collab/relay-protocol';
import { hashMemberToken, newMemberToken, newRelayId, relayCredential } from '../../shared/collab/relay-token';
import type { BenchContext } from '../context';

const ITEMS = 300;
const MEMBERS = 30;
const KEYSTROKES = 200;
const OFFLINE_EDITS = 1000;
const BRIEFINGS_FOR_MEMORY = 10;
const MEMBER_CHANGES = 20;
const FIELDS = ['objectives', 'position', 'redLines', 'fallback', 'background', 'notes'];

class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}

/** A 300-item briefing: ~1 MB of text in the shapes the app's document uses. */
function briefingOf(items: number): Y.Doc {
  const doc = new Y.Doc();
  const sections = doc.getMap<Y.Map<unknown>>('sections');
  doc.transact(() => {
    for (let i = 0; i < items; i++) {
      const section = new Y.Map<unknown>();
      sections.set(`item-${i}`, section);
      for (const field of FIELDS) section.set(field, new Y.Text(`${field} of agenda item ${i}: `.padEnd(400, 'the delegation supports the draft text and proposes amendments; ')));
      const points = new Y.Array<Y.Text>();
      section.set('talkingPoints', points);
      points.push(Array.from({ length: 5 }, (_, p) => new Y.Text(`Talking point ${p + 1} on item ${i}: `.padEnd(150, 'we welcome the progress made '))));
    }
  });
  return doc;
}

interface Relay {
  url: string;
  child: ChildProcess;
  dataDir: string;
  rssBytes(): Promise<number | undefined>;
  stop(): Promise<void>;
}

async function startRelayProcess(): Promise<Relay> {
  const dataDir = await mkdtemp(join(tmpdir(), 'adb-relay-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/main.ts', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /Relay listening on (ws:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
  });
  child.stdout!.resume();
  return {
    url,
    child,
    dataDir,
    async rssBytes() {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
        const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
        return kb ? Number(kb) * 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function register(relay: Relay, roles: Role[]): Promise<{ documentId: string; tokens: string[]; memberIds: string[] }> {
  const documentId = newRelayId();
  const tokens = roles.map(() => newMemberToken());
  const memberIds = roles.map(() => newRelayId());
  const body: RegisterBriefing = {
    documentId,
    members: roles.map((role, i) => ({ memberId: memberIds[i]!, name: `Member ${i + 1}`, role, tokenHash: hashMemberToken(tokens[i]!) })),
  };
  const response = await fetch(`${relay.url.replace('ws://', 'http://')}/v1/briefings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status}`);
  return { documentId, tokens, memberIds };
}

/**
 * The lead changes a member's entry (a rename: the connection stays open) MEMBER_CHANGES times;
 * each timed from the request until every connected member was told `members-changed`.
 */
async function memberChangePushes(relay: Relay, documentId: string, leadToken: string, memberId: string, connected: HocuspocusProvider[]): Promise<number[]> {
  const told = new Map<HocuspocusProvider, number>(connected.map((p) => [p, 0]));
  const listeners = connected.map((p) => {
    const listener = ({ payload }: { payload: string }) => {
      if (parseMembersChanged(payload)) told.set(p, told.get(p)! + 1);
    };
    p.on('stateless', listener);
    return () => p.off('stateless', listener);
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < MEMBER_CHANGES; i++) {
      const before = new Map(told);
      const started = performance.now();
      const response = await fetch(`${relay.url.replace('ws://', 'http://')}/v1/briefings/${documentId}/members/${memberId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${relayCredential(leadToken)}` },
        body: JSON.stringify({ name: `Renamed ${i}`, role: 'drafter' }),
      });
      if (response.status !== 200) throw new Error(`member change failed: ${response.status}`);
      await until(() => connected.every((p) => told.get(p)! > before.get(p)!), 'every member told of the change');
      times.push(performance.now() - started);
    }
  } finally {
    for (const off of listeners) off();
  }
  return times;
}

function connect(relay: Relay, documentId: string, token: string, doc = new Y.Doc()): HocuspocusProvider {
  return new HocuspocusProvider({
    url: relay.url,
    name: relayDocumentName(documentId, 'content'),
    document: doc,
    token: relayCredential(token),
    WebSocketPolyfill: QuietWebSocket,
    delay: 20,
    minDelay: 20,
    maxDelay: 100,
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
}

async function until(condition: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error(`bench: never happened: ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Resolves at the first update of `doc` after which `done()` holds (checked on updates, not by polling, so the clients' process stays idle). */
function updated(doc: Y.Doc, done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!done()) return;
      doc.off('afterTransaction', check);
      resolve();
    };
    doc.on('afterTransaction', check);
  });
}

const settled = (p: HocuspocusProvider) => p.isSynced && p.unsyncedChanges === 0;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Types KEYSTROKES characters into one section on `from`; each timed until `to`'s document has it. */
async function keystrokes(from: HocuspocusProvider, to: HocuspocusProvider): Promise<number[]> {
  const field = (doc: Y.Doc) => (doc.getMap<Y.Map<Y.Text>>('sections').get('item-150') as Y.Map<Y.Text>).get('position')!;
  const source = field(from.document);
  const target = field(to.document);
  const times: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const length = target.length;
    const started = performance.now();
    source.insert(source.length, 'abcdefghij'[i % 10]!);
    await new Promise<void>((resolve) => {
      const check = () => {
        if (target.length > length) {
          target.unobserve(check);
          resolve();
        }
      };
      target.observe(check);
    });
    times.push(performance.now() - started);
  }
  return times;
}

export async function relaySuite(ctx: BenchContext): Promise<void> {
  const relay = await startRelayProcess();
  const providers: HocuspocusProvider[] = [];
  const open = (documentId: string, token: string, doc?: Y.Doc) => {
    const provider = connect(relay, documentId, token, doc);
    providers.push(provider);
    return provider;
  };
  try {
    const seed = briefingOf(ITEMS);
    const seedUpdate = Y.encodeStateAsUpdate(seed);
    const size = `${ITEMS} items, ${(seedUpdate.byteLength / 1024 / 1024).toFixed(1)} MB`;

    // 30 members on one 300-item briefing.
    const { documentId, tokens, memberIds } = await register(relay, ['lead', ...Array.from({ length: MEMBERS - 1 }, () => 'drafter' as const)]);
    const lead = open(documentId, tokens[0]!, seed);
    await until(() => settled(lead), 'the lead uploads the briefing');
    const started = performance.now();
    const members = tokens.slice(1).map((token) => open(documentId, token));
    await until(() => members.every(settled) && members.every((m) => m.document.getMap('sections').size === ITEMS), '30 members synced');
    const joinMs = performance.now() - started;
    ctx.record({ name: `relay: ${MEMBERS} members open one briefing (all synced)`, value: joinMs, unit: 'ms', datasetSize: size });

    const crowded = await keystrokes(members[0]!, members[1]!);
    ctx.record({ name: `relay: keystroke to another member, p95 (${MEMBERS} members connected)`, value: percentile(crowded, 95), unit: 'ms', datasetSize: size, goal: '<= 100 ms', pass: percentile(crowded, 95) <= 100 });
    ctx.record({ name: `relay: keystroke to another member, median (${MEMBERS} members connected)`, value: percentile(crowded, 50), unit: 'ms', datasetSize: size });

    // The members list is pushed: a change by the lead reaches every connected member.
    const pushes = await memberChangePushes(relay, documentId, tokens[0]!, memberIds[MEMBERS - 1]!, [lead, ...members]);
    ctx.record({ name: `relay: member change to every connected member told, p95 (${MEMBERS} members, ${MEMBER_CHANGES} changes)`, value: percentile(pushes, 95), unit: 'ms', datasetSize: size, goal: '<= 1000 ms', pass: percentile(pushes, 95) <= 1000 });

    // Two members only, and 1,000 offline edits merged on reconnect.
    const pair = await register(relay, ['lead', 'drafter']);
    const a = open(pair.documentId, pair.tokens[0]!, briefingOf(ITEMS));
    await until(() => settled(a), 'upload');
    const second = open(pair.documentId, pair.tokens[1]!);
    await until(() => settled(second) && second.document.getMap('sections').size === ITEMS, 'second member synced');
    const quiet = await keystrokes(a, second);
    second.destroy();
    ctx.record({ name: 'relay: keystroke to another member, p95 (2 members)', value: percentile(quiet, 95), unit: 'ms', datasetSize: size, goal: '<= 100 ms', pass: percentile(quiet, 95) <= 100 });

    // The same provider reconnecting replays every update it queued while offline (one message
    // each), then syncs; a fresh provider on the same document (the app after a restart, or one
    // that detaches its provider when offline) sends one sync diff.
    for (const way of ['same provider', 'fresh provider'] as const) {
      const merges: number[] = [];
      let b = open(pair.documentId, pair.tokens[1]!);
      await until(() => settled(b) && b.document.getMap('sections').size === ITEMS, 'second member synced');
      for (let run = 0; run < Math.max(1, Math.min(ctx.runs, 5)); run++) {
        b.disconnect();
        await until(() => b.configuration.websocketProvider.status === 'disconnected', 'offline');
        const sections = b.document.getMap<Y.Map<Y.Text>>('sections');
        for (let i = 0; i < OFFLINE_EDITS; i++) {
          // One transaction per edit, as typing makes them, spread over the agenda items.
          const text = sections.get(`item-${(i * 37) % ITEMS}`)!.get(FIELDS[i % FIELDS.length]!)!;
          text.insert((i * 13) % text.length, `r${run}e${i} `);
        }
        const expected = Y.decodeStateVector(Y.encodeStateVector(b.document));
        const arrived = updated(a.document, () => {
          const got = Y.decodeStateVector(Y.encodeStateVector(a.document));
          return [...expected].every(([client, clock]) => (got.get(client) ?? 0) >= clock);
        });
        const mergeStarted = performance.now();
        if (way === 'same provider') {
          void b.connect();
        } else {
          const doc = b.document;
          b.destroy();
          b = open(pair.documentId, pair.tokens[1]!, doc);
        }
        await arrived;
        merges.push(performance.now() - mergeStarted);
      }
      const merge = percentile(merges, 50);
      ctx.record({ name: `relay: ${OFFLINE_EDITS.toLocaleString('en')} offline edits merged on reconnect, ${way} (median)`, value: merge, unit: 'ms', datasetSize: size, goal: '<= 1000 ms', pass: merge <= 1000 });
      b.destroy();
    }

    // Memory per open briefing, in the relay's process.
    const before = await relay.rssBytes();
    if (before !== undefined) {
      for (let i = 0; i < BRIEFINGS_FOR_MEMORY; i++) {
        const extra = await register(relay, ['lead']);
        const provider = open(extra.documentId, extra.tokens[0]!, briefingOf(ITEMS));
        await until(() => settled(provider), 'briefing opened');
      }
      const after = (await relay.rssBytes())!;
      ctx.record({ name: 'relay: memory per open briefing (resident, one member)', value: (after - before) / BRIEFINGS_FOR_MEMORY / 1024 / 1024, unit: 'MB', datasetSize: size });
    }
  } finally {
    for (const provider of providers) provider.destroy();
    await relay.stop();
  }
}
