import type { z } from 'zod';
import {
  apiErrorSchema,
  ENROLMENT_HEADER,
  membersResponseSchema,
  relayInfoSchema,
  type MemberInput,
  type MembersResponse,
  type RegisterBriefing,
  type RelayApiError,
  type RelayInfo,
} from '../../../shared/collab/relay-api';
import { RELAY_PROTOCOL } from '../../../shared/collab/relay-protocol';
import { isAllowedRelayUrl, relayHttpUrl } from '../../../shared/collab/relay-token';

/*
 * The relay's members API (shared/collab/relay-api.ts) as the sharing screens call it. Every
 * failure is a SharingError with a typed code the screens say in the three languages
 * (`sharing.error.<code>`): the relay's own API errors, plus what only the client can tell —
 * the address is not allowed, nothing answers there, or what answers is not a briefing relay.
 */

export type SharingErrorCode = RelayApiError | 'address' | 'unreachable' | 'not-a-relay';

export class SharingError extends Error {
  constructor(
    readonly code: SharingErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'SharingError';
  }
}

export const sharingErrorCode = (error: unknown): SharingErrorCode => (error instanceof SharingError ? error.code : 'internal');

async function call<T>(relayUrl: string, path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
  if (!isAllowedRelayUrl(relayUrl)) throw new SharingError('address');
  let response: Response;
  try {
    response = await fetch(relayHttpUrl(relayUrl, path), { ...init, cache: 'no-store', credentials: 'omit' });
  } catch (error) {
    throw new SharingError('unreachable', error instanceof Error ? error.message : String(error));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new SharingError('not-a-relay', `HTTP ${response.status} without JSON`);
  }
  if (!response.ok) {
    const failure = apiErrorSchema.safeParse(body);
    throw failure.success ? new SharingError(failure.data.error, failure.data.message) : new SharingError('not-a-relay', `HTTP ${response.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SharingError('not-a-relay', 'unexpected answer');
  return parsed.data;
}

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });
const json = { 'content-type': 'application/json' };

/** `GET /v1/relay`: tells a relay that is down, something that is not a relay, and a relay of another version apart. */
export async function checkRelay(relayUrl: string): Promise<RelayInfo> {
  const info = await call(relayUrl, '/v1/relay', relayInfoSchema);
  if (info.protocol !== RELAY_PROTOCOL) throw new SharingError('protocol-mismatch', `the relay speaks ${info.protocol}`);
  return info;
}

export async function registerOnRelay(relayUrl: string, registration: RegisterBriefing, enrolmentSecret?: string): Promise<MembersResponse['members']> {
  const headers: Record<string, string> = { ...json };
  if (enrolmentSecret) headers[ENROLMENT_HEADER] = enrolmentSecret;
  const answer = await call(relayUrl, '/v1/briefings', membersResponseSchema.omit({ you: true }), { method: 'POST', headers, body: JSON.stringify(registration) });
  return answer.members;
}

export function listMembers(relayUrl: string, documentId: string, credential: string): Promise<MembersResponse> {
  return call(relayUrl, `/v1/briefings/${documentId}/members`, membersResponseSchema, { headers: bearer(credential) });
}

export function putMember(relayUrl: string, documentId: string, credential: string, memberId: string, input: MemberInput): Promise<MembersResponse> {
  return call(relayUrl, `/v1/briefings/${documentId}/members/${memberId}`, membersResponseSchema, {
    method: 'PUT',
    headers: { ...json, ...bearer(credential) },
    body: JSON.stringify(input),
  });
}

export function deleteMember(relayUrl: string, documentId: string, credential: string, memberId: string): Promise<MembersResponse> {
  return call(relayUrl, `/v1/briefings/${documentId}/members/${memberId}`, membersResponseSchema, { method: 'DELETE', headers: bearer(credential) });
}
