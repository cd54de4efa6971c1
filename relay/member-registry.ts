import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { MemberInput, RegisterBriefing } from '../shared/collab/relay-api';
import { RELAY_ID, roleSchema, type Role } from '../shared/collab/relay-protocol';
import { hashMemberToken } from '../shared/collab/relay-token';
import { writeFileAtomic } from './atomic-file';
import { SeenTimes } from './seen-times';

/*
 * Who may open which briefing: one JSON file per shared briefing, `briefings/<id>.json`, with
 * each member's name, role, token hash and invitation expiry, and the hashes of
 * removed members' tokens (so that their owner is told "removed", not "wrong token"). Written
 * atomically, only when members change; re-read when the file changes under us (another relay
 * instance on the same data folder), and rewritten from memory if the folder disappeared while
 * running. Last-seen times live apart (seen-times.ts).
 */

const storedMemberSchema = z.object({
  memberId: z.string().regex(RELAY_ID),
  name: z.string(),
  role: roleSchema,
  tokenHash: z.string(),
  addedAt: z.string(),
  invitationExpiresAt: z.string().nullable(),
});
export type StoredMember = z.infer<typeof storedMemberSchema>;

const storedBriefingSchema = z.object({
  version: z.literal(1),
  documentId: z.string().regex(RELAY_ID),
  createdAt: z.string(),
  members: z.array(storedMemberSchema),
  revoked: z.array(z.object({ memberId: z.string(), tokenHash: z.string(), at: z.string() })),
});
export type StoredBriefing = z.infer<typeof storedBriefingSchema>;

/** Enough to tell every removed member of a real delegation why; older entries answer "wrong token". */
const MAX_REVOKED = 1000;

export type MemberChange = { documentId: string; memberId: string; change: 'removed' | 'role-changed' | 'token-changed' };
export type AuthResult =
  | { ok: true; member: StoredMember }
  | { ok: false; code: 'unknown-briefing' | 'bad-token' | 'revoked' | 'invitation-expired' };
export type MutationResult =
  | { ok: true; briefing: StoredBriefing }
  | { ok: false; code: 'unknown-briefing' | 'unknown-member' | 'briefing-exists' | 'last-lead' | 'bad-request'; message: string };

interface Entry {
  briefing: StoredBriefing;
  mtimeMs: number | undefined;
  writing: Promise<void> | undefined;
  dirty: boolean;
}

export class MemberRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly listeners: ((change: MemberChange) => void)[] = [];
  private readonly listListeners: ((documentId: string) => void)[] = [];

  private readonly seen: SeenTimes;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
    log: (line: string) => void = () => undefined,
  ) {
    this.seen = new SeenTimes(dataDir, log);
  }

  onChange(listener: (change: MemberChange) => void): void {
    this.listeners.push(listener);
  }

  /** Told the briefing id whenever its members list changed in any way (here or, read from disk, by another instance). */
  onListChange(listener: (documentId: string) => void): void {
    this.listListeners.push(listener);
  }

  private emitList(documentId: string): void {
    for (const listener of this.listListeners) listener(documentId);
  }

  private path(documentId: string): string {
    if (!RELAY_ID.test(documentId)) throw new Error('not a relay document id');
    return join(this.dataDir, 'briefings', `${documentId}.json`);
  }

  /** The briefing as on disk now (cached; re-read when the file's modification time moved). */
  async get(documentId: string): Promise<StoredBriefing | undefined> {
    if (!RELAY_ID.test(documentId)) return undefined;
    const cached = this.entries.get(documentId);
    let mtimeMs: number | undefined;
    try {
      mtimeMs = (await stat(this.path(documentId))).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (cached) this.save(documentId, cached); // the data folder went away under us: put it back
      return cached?.briefing;
    }
    if (cached && (cached.mtimeMs === mtimeMs || cached.writing)) return cached.briefing;
    const briefing = storedBriefingSchema.parse(JSON.parse(await readFile(this.path(documentId), 'utf8')));
    if (cached) {
      this.announceDifferences(cached.briefing, briefing);
      if (JSON.stringify(cached.briefing.members) !== JSON.stringify(briefing.members)) this.emitList(documentId);
    }
    this.entries.set(documentId, { briefing, mtimeMs, writing: undefined, dirty: false });
    return briefing;
  }

  /** Re-reads every briefing in memory; another instance's removals close this instance's sockets. */
  async refresh(): Promise<void> {
    for (const documentId of [...this.entries.keys()]) await this.get(documentId).catch(() => undefined);
  }

  private announceDifferences(before: StoredBriefing, after: StoredBriefing): void {
    for (const old of before.members) {
      const now = after.members.find((m) => m.memberId === old.memberId);
      if (!now) this.emit({ documentId: after.documentId, memberId: old.memberId, change: 'removed' });
      else if (now.tokenHash !== old.tokenHash) this.emit({ documentId: after.documentId, memberId: old.memberId, change: 'token-changed' });
      else if (now.role !== old.role) this.emit({ documentId: after.documentId, memberId: old.memberId, change: 'role-changed' });
    }
  }

  private emit(change: MemberChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Coalesces writes: at most one in flight and one queued per briefing. */
  private save(documentId: string, entry: Entry): Promise<void> {
    if (entry.writing) {
      entry.dirty = true;
      return entry.writing;
    }
    const write = async (): Promise<void> => {
      do {
        entry.dirty = false;
        const path = this.path(documentId);
        await writeFileAtomic(path, `${JSON.stringify(entry.briefing, null, 2)}\n`);
        entry.mtimeMs = (await stat(path)).mtimeMs;
      } while (entry.dirty);
    };
    entry.writing = write().finally(() => {
      entry.writing = undefined;
    });
    // Every save is a change of the list (the file holds nothing else that members see).
    void entry.writing.then(() => this.emitList(documentId), () => undefined);
    return entry.writing;
  }

  /** Runs mutations of one briefing one after another. */
  private exclusive<T>(documentId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(documentId) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.locks.set(documentId, next.catch(() => undefined));
    return next;
  }

  register(input: RegisterBriefing): Promise<MutationResult> {
    return this.exclusive(input.documentId, async () => {
      if (await this.get(input.documentId)) return { ok: false, code: 'briefing-exists', message: 'this relay already has a briefing with that id' };
      const ids = new Set(input.members.map((m) => m.memberId));
      const hashes = new Set(input.members.map((m) => m.tokenHash));
      if (ids.size !== input.members.length || hashes.size !== input.members.length) {
        return { ok: false, code: 'bad-request', message: 'member ids and tokens must be unique' };
      }
      if (!input.members.some((m) => m.role === 'lead')) return { ok: false, code: 'last-lead', message: 'a briefing needs a lead' };
      const at = this.now().toISOString();
      const briefing: StoredBriefing = {
        version: 1,
        documentId: input.documentId,
        createdAt: at,
        members: input.members.map((m) => ({
          memberId: m.memberId,
          name: m.name,
          role: m.role,
          tokenHash: m.tokenHash,
          addedAt: at,
          invitationExpiresAt: m.invitationExpiresAt ?? null,
        })),
        revoked: [],
      };
      const entry: Entry = { briefing, mtimeMs: undefined, writing: undefined, dirty: false };
      this.entries.set(input.documentId, entry);
      await this.save(input.documentId, entry);
      return { ok: true, briefing };
    });
  }

  async authenticate(documentId: string, token: string): Promise<AuthResult> {
    const briefing = await this.get(documentId);
    if (!briefing) return { ok: false, code: 'unknown-briefing' };
    const hash = hashMemberToken(token);
    const member = briefing.members.find((m) => m.tokenHash === hash);
    if (!member) return { ok: false, code: briefing.revoked.some((r) => r.tokenHash === hash) ? 'revoked' : 'bad-token' };
    if (member.invitationExpiresAt !== null && Date.parse(member.invitationExpiresAt) <= this.now().getTime()) {
      if ((await this.seen.firstSeen(documentId, hash)) === undefined) return { ok: false, code: 'invitation-expired' };
    }
    return { ok: true, member };
  }

  /** Records that a member was seen now (a connection opened or closed), in its own file. */
  async touch(documentId: string, memberId: string, tokenHash: string): Promise<void> {
    await this.seen.record(documentId, memberId, tokenHash, this.now().toISOString());
  }

  /** Each member's last-seen time (all instances sharing the data folder). */
  lastSeen(documentId: string): Promise<Map<string, string>> {
    return this.seen.lastSeen(documentId);
  }

  putMember(documentId: string, memberId: string, input: MemberInput): Promise<MutationResult> {
    return this.exclusive(documentId, async () => {
      const briefing = await this.get(documentId);
      const entry = this.entries.get(documentId);
      if (!briefing || !entry) return { ok: false, code: 'unknown-briefing', message: 'no such briefing on this relay' };
      const existing = briefing.members.find((m) => m.memberId === memberId);
      if (input.tokenHash && briefing.members.some((m) => m.tokenHash === input.tokenHash && m.memberId !== memberId)) {
        return { ok: false, code: 'bad-request', message: 'that token is already in use' };
      }
      if (!existing) {
        if (!input.tokenHash) return { ok: false, code: 'bad-request', message: 'a new member needs a token hash' };
        briefing.members.push({
          memberId,
          name: input.name,
          role: input.role,
          tokenHash: input.tokenHash,
          addedAt: this.now().toISOString(),
          invitationExpiresAt: input.invitationExpiresAt ?? null,
        });
        await this.save(documentId, entry);
        return { ok: true, briefing };
      }
      if (existing.role === 'lead' && input.role !== 'lead' && leads(briefing) === 1) {
        return { ok: false, code: 'last-lead', message: 'the last lead cannot give up the role; make another member lead first' };
      }
      const changes: MemberChange['change'][] = [];
      if (input.tokenHash && input.tokenHash !== existing.tokenHash) {
        briefing.revoked = [...briefing.revoked, { memberId, tokenHash: existing.tokenHash, at: this.now().toISOString() }].slice(-MAX_REVOKED);
        existing.tokenHash = input.tokenHash;
        existing.invitationExpiresAt = input.invitationExpiresAt ?? null;
        changes.push('token-changed');
      } else if (input.role !== existing.role) {
        changes.push('role-changed');
      }
      existing.name = input.name;
      existing.role = input.role;
      await this.save(documentId, entry);
      for (const change of changes) this.emit({ documentId, memberId, change });
      return { ok: true, briefing };
    });
  }

  removeMember(documentId: string, memberId: string): Promise<MutationResult> {
    return this.exclusive(documentId, async () => {
      const briefing = await this.get(documentId);
      const entry = this.entries.get(documentId);
      if (!briefing || !entry) return { ok: false, code: 'unknown-briefing', message: 'no such briefing on this relay' };
      const member = briefing.members.find((m) => m.memberId === memberId);
      if (!member) return { ok: false, code: 'unknown-member', message: 'no such member' };
      if (member.role === 'lead' && leads(briefing) === 1) return { ok: false, code: 'last-lead', message: 'the last lead cannot be removed' };
      briefing.members = briefing.members.filter((m) => m.memberId !== memberId);
      briefing.revoked = [...briefing.revoked, { memberId, tokenHash: member.tokenHash, at: this.now().toISOString() }].slice(-MAX_REVOKED);
      await this.save(documentId, entry);
      this.emit({ documentId, memberId, change: 'removed' });
      return { ok: true, briefing };
    });
  }

  /** Waits for writes in flight; records no more last-seen times (the relay is stopping). */
  async close(): Promise<void> {
    await Promise.all([...this.entries.values()].map((entry) => entry.writing?.catch(() => undefined)));
    await this.seen.close();
  }
}

function leads(briefing: StoredBriefing): number {
  return briefing.members.filter((m) => m.role === ('lead' satisfies Role)).length;
}
