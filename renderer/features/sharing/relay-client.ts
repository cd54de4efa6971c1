import {
  ENROLMENT_HEADER,
  membersResponseSchema,
  relayInfoSchema,
  type MemberInput,
  type MembersResponse,
  type RegisterBriefing,
  type RelayInfo,
} from '../../../shared/collab/relay-api';
import { RELAY_PROTOCOL } from '../../../shared/collab/relay-protocol';
import { bearer, relayCall as call, RelayCallError, relayCallErrorCode, type RelayCallErrorCode } from '../../collab/relay-http';

/*
 * The relay's members API (shared/collab/relay-api.ts) as the sharing screens call it, through
 * the one relay call (renderer/collab/relay-http.ts). Every failure is a SharingError with a typed
 * code the screens say in the three languages (`sharing.error.<code>`).
 */

export type SharingErrorCode = RelayCallErrorCode;
export { RelayCallError as SharingError };
export const sharingErrorCode = relayCallErrorCode;

const json = { 'content-type': 'application/json' };

/** `GET /v1/relay`: tells a relay that is down, something that is not a relay, and a relay of another version apart. */
export async function checkRelay(relayUrl: string): Promise<RelayInfo> {
  const info = await call(relayUrl, '/v1/relay', relayInfoSchema);
  if (info.protocol !== RELAY_PROTOCOL) throw new RelayCallError('protocol-mismatch', `the relay speaks ${info.protocol}`);
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
