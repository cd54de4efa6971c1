import { heldChangesResponseSchema, type HeldChangesResponse } from '../../shared/collab/relay-api';
import { bearer, relayCall } from './relay-http';

/*
 * The lead's calls for colleagues' changes the relay holds (relay/held-edits-api.ts): list them,
 * accept one (the relay applies it to the briefing, and every member's app gets it like any
 * edit), decline one (deleted). Each answers the list as it is after the decision. Failures are
 * RelayCallErrors: `held-refused` (409) when an accepted change fails the checks that still hold
 * (it stays held: decline it), `forbidden` when the caller is not a lead, `unreachable` offline.
 */

export interface HeldEditsTarget {
  relayUrl: string;
  documentId: string;
  credential: string;
}

const path = (target: HeldEditsTarget, heldId?: string) => `/v1/briefings/${encodeURIComponent(target.documentId)}/held${heldId === undefined ? '' : `/${encodeURIComponent(heldId)}`}`;

export async function listHeldEdits(target: HeldEditsTarget): Promise<HeldChangesResponse['held']> {
  return (await relayCall(target.relayUrl, path(target), heldChangesResponseSchema, { headers: bearer(target.credential) })).held;
}

export async function acceptHeldEdit(target: HeldEditsTarget, heldId: string): Promise<HeldChangesResponse['held']> {
  return (await relayCall(target.relayUrl, path(target, heldId), heldChangesResponseSchema, { method: 'POST', headers: bearer(target.credential) })).held;
}

export async function declineHeldEdit(target: HeldEditsTarget, heldId: string): Promise<HeldChangesResponse['held']> {
  return (await relayCall(target.relayUrl, path(target, heldId), heldChangesResponseSchema, { method: 'DELETE', headers: bearer(target.credential) })).held;
}
