import type { Extension, Hocuspocus, connectedPayload, onDisconnectPayload } from '@hocuspocus/server';
import { parseRelayDocumentName, type MembersChanged } from '../shared/collab/relay-protocol';
import type { MemberContext } from './access-control';
import type { MemberRegistry } from './member-registry';

/** Changes within this time are one message (a lead adding three members, a reconnect's close and open). */
const COALESCE_MS = 50;

/*
 * Pushes "the members list changed" to every open connection of a briefing, as a Hocuspocus
 * stateless message (`members-changed`), so the apps read the list again at once instead of
 * polling it: on any change of the members file (added, removed, renamed, new role or token,
 * including changes another instance made, seen when the registry re-reads the file) and when a
 * member comes online or goes away. With the Redis extension, stateless broadcasts reach the
 * connections of the other instances too. Removed members are not told: AccessControl closes
 * their connections with `revoked` first.
 */
export class MembersPush implements Extension {
  extensionName = 'adb-members-push';
  /** After AccessControl: a connection it closes never counts as online. */
  priority = 100;
  private instance: Hocuspocus | undefined;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(registry: MemberRegistry) {
    registry.onListChange((documentId) => this.changed(documentId));
  }

  attach(instance: Hocuspocus): void {
    this.instance = instance;
  }

  async connected({ context }: connectedPayload<MemberContext>): Promise<void> {
    if (context?.documentId) this.changed(context.documentId);
  }

  async onDisconnect({ context }: onDisconnectPayload<MemberContext>): Promise<void> {
    if (context?.documentId) this.changed(context.documentId);
  }

  /** Stops pending messages (the relay is stopping). */
  async onDestroy(): Promise<void> {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private changed(documentId: string): void {
    if (this.pending.has(documentId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(documentId);
      this.send(documentId);
    }, COALESCE_MS);
    // A message still pending never keeps a stopping relay's process alive.
    timer.unref?.();
    this.pending.set(documentId, timer);
  }

  private send(documentId: string): void {
    const message: MembersChanged = { type: 'members-changed', documentId };
    const payload = JSON.stringify(message);
    for (const document of this.instance?.documents.values() ?? []) {
      if (parseRelayDocumentName(document.name)?.documentId !== documentId) continue;
      document.broadcastStateless(payload);
    }
  }
}
