import { describe, expect, it } from 'vitest';
import { parseInvitation, type InvitationError } from '../../shared/collab/invitation';
import { RELAY_ERRORS, type RelayErrorCode } from '../../shared/collab/relay-protocol';
import { relay as en } from '../../renderer/i18n/en/relay';
import { relay as id } from '../../renderer/i18n/id/relay';
import { relay as ms } from '../../renderer/i18n/ms/relay';

/** Every typed error the relay or an invitation can give has a message in the three languages. */
const INVITATION_ERRORS: Record<InvitationError, true> = {
  empty: true,
  'too-long': true,
  'not-an-invitation': true,
  'unsupported-version': true,
  damaged: true,
  'unsafe-relay-address': true,
  expired: true,
};

describe('relay and invitation messages', () => {
  const keys = [
    ...Object.keys(INVITATION_ERRORS).map((error) => `relay.invitation.${error}`),
    ...(Object.keys(RELAY_ERRORS) as RelayErrorCode[]).map((code) => `relay.error.${code}`),
  ];

  it.each([
    ['en', en],
    ['ms', ms],
    ['id', id],
  ] as const)('%s says every one', (_lang, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
  });

  it('the parser only answers errors that have a message', () => {
    const result = parseInvitation('not an invitation');
    expect(result.ok === false && `relay.invitation.${result.error}` in en).toBe(true);
  });
});
