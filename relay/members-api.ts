import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  ENROLMENT_HEADER,
  memberInputSchema,
  registerBriefingSchema,
  RELAY_API_ERRORS,
  type MemberView,
  type RelayApiError,
  type RelayInfo,
} from '../shared/collab/relay-api';
import { mayManageMembers, RELAY_ID, RELAY_PROTOCOL } from '../shared/collab/relay-protocol';
import { parseRelayCredential } from '../shared/collab/relay-token';
import type { HeldEditsApi } from './held-edits-api';
import type { MemberRegistry, StoredBriefing, StoredMember } from './member-registry';

/*
 * The members API (shared/collab/relay-api.ts has the routes and why it is HTTP). Answers JSON;
 * CORS is open because the credential is a bearer token in a header, never a cookie, so another
 * origin gains nothing by calling it.
 */

const MAX_BODY_BYTES = 256 * 1024;

export interface MembersApiOptions {
  registry: MemberRegistry;
  enrolmentSecret: string | undefined;
  /** Member ids with an open connection to any document of the briefing. */
  onlineMembers: (documentId: string) => Set<string>;
  /** Colleagues' changes the relay holds (relay/held-edits-api.ts). */
  held?: HeldEditsApi;
  log: (line: string) => void;
}

class ApiError extends Error {
  constructor(
    readonly code: RelayApiError,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
  response.end(JSON.stringify(body));
}

async function readJson<T>(request: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new ApiError('too-large', `requests are limited to ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiError('bad-request', 'the body is not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError('bad-request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function membersApi(options: MembersApiOptions): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const { registry, enrolmentSecret, onlineMembers, held, log } = options;

  const view = async (briefing: StoredBriefing): Promise<MemberView[]> => {
    const online = onlineMembers(briefing.documentId);
    const seen = await registry.lastSeen(briefing.documentId);
    return briefing.members.map((m: StoredMember) => ({
      memberId: m.memberId,
      name: m.name,
      role: m.role,
      addedAt: m.addedAt,
      lastSeenAt: seen.get(m.memberId) ?? null,
      online: online.has(m.memberId),
      invitationExpiresAt: m.invitationExpiresAt,
    }));
  };

  const caller = async (request: IncomingMessage, documentId: string): Promise<StoredMember> => {
    const header = request.headers.authorization ?? '';
    const credential = parseRelayCredential(header.startsWith('Bearer ') ? header.slice(7) : undefined);
    if (!credential.ok) throw new ApiError(credential.code, credential.code === 'bad-token' ? 'not a member token' : `send "Authorization: Bearer ${RELAY_PROTOCOL}.<token>"`);
    const result = await registry.authenticate(documentId, credential.token);
    if (!result.ok) throw new ApiError(result.code, result.code);
    return result.member;
  };

  const lead = async (request: IncomingMessage, documentId: string): Promise<StoredMember> => {
    const member = await caller(request, documentId);
    if (!mayManageMembers(member.role)) throw new ApiError('forbidden', 'only a lead manages members');
    return member;
  };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { pathname } = new URL(request.url ?? '/', 'http://relay');
    const method = request.method ?? 'GET';
    if (pathname === '/v1/relay' && method === 'GET') {
      const info: RelayInfo = { service: 'adb-relay', protocol: RELAY_PROTOCOL, enrolment: enrolmentSecret ? 'secret' : 'open' };
      return send(response, 200, info);
    }
    if (pathname === '/v1/briefings' && method === 'POST') {
      if (enrolmentSecret !== undefined) {
        const given = request.headers[ENROLMENT_HEADER];
        if (typeof given !== 'string' || !sameSecret(given, enrolmentSecret)) throw new ApiError('enrolment-required', 'this relay needs its enrolment secret to register a briefing');
      }
      const input = await readJson(request, registerBriefingSchema);
      const result = await registry.register(input);
      if (!result.ok) throw new ApiError(result.code, result.message);
      log(`registered ${input.documentId} with ${input.members.length} members`);
      return send(response, 201, { documentId: input.documentId, members: await view(result.briefing) });
    }
    const heldMatch = /^\/v1\/briefings\/([^/]+)\/held(?:\/([^/]+))?$/.exec(pathname);
    if (heldMatch && held) {
      const [, documentId = '', heldId] = heldMatch;
      if (!RELAY_ID.test(documentId) || (heldId !== undefined && !RELAY_ID.test(heldId))) throw new ApiError('not-found', 'no such route');
      if (heldId === undefined && method === 'GET') {
        await lead(request, documentId);
        return send(response, 200, { documentId, held: await held.list(documentId) });
      }
      if (heldId !== undefined && method === 'POST') {
        const by = await lead(request, documentId);
        const result = await held.accept(documentId, heldId, by);
        if (!result.ok) throw new ApiError(result.code, result.message);
        log(`${by.memberId} accepted held change ${heldId} on ${documentId}`);
        return send(response, 200, { documentId, held: await held.list(documentId) });
      }
      if (heldId !== undefined && method === 'DELETE') {
        const by = await lead(request, documentId);
        if (!(await held.decline(documentId, heldId))) throw new ApiError('not-found', 'no such held change');
        log(`${by.memberId} declined held change ${heldId} on ${documentId}`);
        return send(response, 200, { documentId, held: await held.list(documentId) });
      }
      throw new ApiError('not-found', 'no such route');
    }
    const membersMatch = /^\/v1\/briefings\/([^/]+)\/members(?:\/([^/]+))?$/.exec(pathname);
    const documentId = membersMatch?.[1] ?? '';
    const memberId = membersMatch?.[2];
    if (!membersMatch || !RELAY_ID.test(documentId) || (memberId !== undefined && !RELAY_ID.test(memberId))) {
      throw new ApiError('not-found', 'no such route');
    }
    if (memberId === undefined && method === 'GET') {
      const you = await caller(request, documentId);
      const briefing = await registry.get(documentId);
      return send(response, 200, { documentId, you: you.memberId, members: briefing ? await view(briefing) : [] });
    }
    if (memberId !== undefined && method === 'PUT') {
      const by = await lead(request, documentId);
      const input = await readJson(request, memberInputSchema);
      const result = await registry.putMember(documentId, memberId, input);
      if (!result.ok) throw new ApiError(result.code, result.message);
      log(`${by.memberId} put member ${memberId} (${input.role}) on ${documentId}`);
      return send(response, 200, { documentId, you: by.memberId, members: await view(result.briefing) });
    }
    if (memberId !== undefined && method === 'DELETE') {
      const by = await lead(request, documentId);
      const result = await registry.removeMember(documentId, memberId);
      if (!result.ok) throw new ApiError(result.code, result.message);
      log(`${by.memberId} removed member ${memberId} from ${documentId}`);
      return send(response, 200, { documentId, you: by.memberId, members: await view(result.briefing) });
    }
    throw new ApiError('not-found', 'no such route');
  };

  return async (request, response) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST, PUT, DELETE',
        'access-control-allow-headers': `authorization, content-type, ${ENROLMENT_HEADER}`,
        'access-control-max-age': '600',
      });
      response.end();
      return;
    }
    try {
      await route(request, response);
    } catch (error) {
      if (error instanceof ApiError) {
        send(response, RELAY_API_ERRORS[error.code], { error: error.code, message: error.message });
      } else {
        log(`members API failed: ${(error as Error).stack ?? String(error)}`);
        send(response, 500, { error: 'internal', message: 'the relay failed to answer' });
      }
    }
  };
}
