import type { z } from 'zod';
import { apiErrorSchema, type RelayApiError } from '../../shared/collab/relay-api';
import { isAllowedRelayUrl, relayHttpUrl } from '../../shared/collab/relay-token';

/*
 * One call to the relay's HTTP API (shared/collab/relay-api.ts), for every screen that talks to
 * it (members, held changes). Every failure is a RelayCallError with a typed code the screens say
 * in the three languages: the relay's own API errors, plus what only the client can tell — the
 * address is not allowed, nothing answers there, or what answers is not a briefing relay.
 */

export type RelayCallErrorCode = RelayApiError | 'address' | 'unreachable' | 'not-a-relay';

export class RelayCallError extends Error {
  constructor(
    readonly code: RelayCallErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'RelayCallError';
  }
}

export const relayCallErrorCode = (error: unknown): RelayCallErrorCode => (error instanceof RelayCallError ? error.code : 'internal');

export async function relayCall<T>(relayUrl: string, path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
  if (!isAllowedRelayUrl(relayUrl)) throw new RelayCallError('address');
  let response: Response;
  try {
    response = await fetch(relayHttpUrl(relayUrl, path), { ...init, cache: 'no-store', credentials: 'omit' });
  } catch (error) {
    throw new RelayCallError('unreachable', error instanceof Error ? error.message : String(error));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new RelayCallError('not-a-relay', `HTTP ${response.status} without JSON`);
  }
  if (!response.ok) {
    const failure = apiErrorSchema.safeParse(body);
    throw failure.success ? new RelayCallError(failure.data.error, failure.data.message) : new RelayCallError('not-a-relay', `HTTP ${response.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new RelayCallError('not-a-relay', 'unexpected answer');
  return parsed.data;
}

export const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });
