import * as Y from 'yjs';
import { z } from 'zod';
import { Briefing, Section } from '../../shared/briefing/model';
import { hasBriefing, readBriefingDoc } from '../../shared/collab/briefing-doc';
import type { RelayErrorCode, RelayNotice } from '../../shared/collab/relay-protocol';
import { isAllowedRelayUrl } from '../../shared/collab/relay-token';
import { db } from '../db/db';
import { refuseStoringMarking } from '../features/lock/marking-guard';
import { FROM_LOG, storeNewBriefing } from './briefing-docs';
import { FROM_TAB, type BriefingSession } from './briefing-session';
import { connectToRelay, type RelayStatus, type RelayTarget } from './connection';

/**
 * Which briefings are shared, and through which relay: a settings row per shared briefing
 * (`relay.target:<briefing id>`), written when the lead shares it or a member opens an
 * invitation (the invitation flow of the relay contract), and the count of changes the relay
 * has not confirmed (`relay.waiting:<briefing id>`), kept across restarts for the header.
 */
const targetKey = (briefingId: string) => `relay.target:${briefingId}`;
const waitingKey = (briefingId: string) => `relay.waiting:${briefingId}`;

const RelayTargetRow = z.object({ url: z.string().refine(isAllowedRelayUrl, 'relay addresses must use wss:// (ws:// only on 127.0.0.1, ::1 or localhost)'), documentName: z.string().min(1).max(300), credential: z.string().min(1).max(500) }).strict();

export async function relayTargetFor(briefingId: string): Promise<RelayTarget | undefined> {
  const parsed = RelayTargetRow.safeParse((await db.settings.get(targetKey(briefingId)))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function setRelayTarget(briefingId: string, target: RelayTarget | undefined): Promise<void> {
  if (target) await db.settings.put({ key: targetKey(briefingId), value: RelayTargetRow.parse(target) });
  else await db.settings.bulkDelete([targetKey(briefingId), waitingKey(briefingId)]);
}

/** Connects an open briefing to its relay if it is shared; returns how to disconnect. */
export async function connectSharedBriefing(
  session: BriefingSession,
  onStatus: (status: RelayStatus) => void,
  onNotice?: (code: RelayErrorCode, notice: RelayNotice) => void,
  onMembersChanged?: () => void,
  onHeldChanged?: () => void,
): Promise<(() => void) | undefined> {
  const target = await relayTargetFor(session.id);
  if (!target) return undefined;
  const stored = (await db.settings.get(waitingKey(session.id)))?.value;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = typeof stored === 'number' ? stored : 0;
  const connection = connectToRelay(session.doc, target, {
    waitingAtStart: latest,
    // Updates read from the log or sent by another tab were counted where they were made.
    foreignOrigins: [FROM_LOG, FROM_TAB],
    onNotice,
    onMembersChanged,
    onHeldChanged,
    network: typeof window === 'undefined' ? undefined : window,
    onWaitingChange: (waiting) => {
      latest = waiting;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void db.settings.put({ key: waitingKey(session.id), value: latest }), 500);
    },
  });
  onStatus(connection.status);
  const off = connection.onStatus(onStatus);
  return () => {
    off();
    if (timer) clearTimeout(timer);
    void db.settings.put({ key: waitingKey(session.id), value: latest });
    connection.destroy();
  };
}

export type JoinResult = { ok: true; briefingId: string } | { ok: false; reason: string };

/**
 * A member opens an invitation: the briefing's document is fetched from the relay, stored here
 * (document and rows, as any briefing) and remembered as shared. Nothing is written unless the
 * relay hands over a whole briefing document.
 */
export async function joinSharedBriefing(target: RelayTarget, options: { timeoutMs?: number; WebSocketPolyfill?: unknown } = {}): Promise<JoinResult> {
  if (!isAllowedRelayUrl(target.url)) return { ok: false, reason: 'address' };
  const doc = new Y.Doc();
  const connection = connectToRelay(doc, target, { WebSocketPolyfill: options.WebSocketPolyfill });
  try {
    const outcome = await new Promise<RelayStatus>((resolve) => {
      const timer = setTimeout(() => resolve(connection.status), options.timeoutMs ?? 20_000);
      const check = (status: RelayStatus) => {
        if (status.state === 'synced' || status.state === 'refused') {
          clearTimeout(timer);
          resolve(status);
        }
      };
      connection.onStatus(check);
      check(connection.status);
    });
    if (outcome.state === 'refused') return { ok: false, reason: outcome.reason };
    if (outcome.state !== 'synced' || !hasBriefing(doc)) return { ok: false, reason: outcome.state === 'synced' ? 'empty' : 'unreachable' };
    const content = readBriefingDoc(doc);
    const briefing = Briefing.safeParse(content.briefing);
    if (!briefing.success || content.sections.some((s) => !Section.safeParse(s).success || s.briefingId !== briefing.data.id)) return { ok: false, reason: 'damaged' };
    const id = briefing.data.id;
    // Without a passphrase, a shared brief marked above the lowest marking is not stored (it would be in the clear).
    await refuseStoringMarking(briefing.data.classification);
    if (!(await db.briefings.get(id))) await storeNewBriefing(briefing.data, content.sections, Y.encodeStateAsUpdate(doc));
    await setRelayTarget(id, target);
    return { ok: true, briefingId: id };
  } finally {
    connection.destroy();
    doc.destroy();
  }
}
