import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, mayWrite, parseRelayDocumentName, relayDocumentName, relayErrorFrom, RELAY_ERRORS, ROLES } from '../../shared/collab/relay-protocol';
import {
  fromBase64Url,
  hashMemberToken,
  isAllowedRelayUrl,
  isMemberToken,
  newMemberToken,
  newRelayId,
  parseRelayCredential,
  relayCredential,
  relayHttpUrl,
} from '../../shared/collab/relay-token';
import { parseRelayConfig } from '../../relay/relay-config';

describe('roles', () => {
  it('writers per document', () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, DOCUMENT_KINDS.filter((kind) => mayWrite(role, kind))]));
    expect(table).toEqual({ lead: ['content', 'comments', 'control'], drafter: ['content', 'comments'], reviewer: ['comments'], reader: [] });
  });
});

describe('document names', () => {
  it('round-trip and refuse anything else', () => {
    const id = newRelayId();
    expect(parseRelayDocumentName(relayDocumentName(id, 'comments'))).toEqual({ documentId: id, kind: 'comments' });
    for (const name of ['briefing/short/content', `briefing/${id}/notes`, `briefing/${id}/content/x`, `../${id}/content`, '']) {
      expect(parseRelayDocumentName(name)).toBeUndefined();
    }
    expect(() => relayDocumentName('../../etc', 'content')).toThrow();
  });
});

describe('close reasons', () => {
  it('map both ways and ignore unknown ones', () => {
    expect(relayErrorFrom('revoked')).toBe('revoked');
    expect(relayErrorFrom(RELAY_ERRORS['invitation-expired'])).toBe('invitation-expired');
    expect(relayErrorFrom('permission-denied')).toBeUndefined();
    expect(relayErrorFrom('toString')).toBeUndefined();
    expect(relayErrorFrom(1000)).toBeUndefined();
    expect(new Set(Object.values(RELAY_ERRORS)).size).toBe(Object.keys(RELAY_ERRORS).length);
  });
});

describe('member tokens', () => {
  it('are 256 random bits in base64url, hashed to another 256 bits', () => {
    const token = newMemberToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fromBase64Url(token)?.length).toBe(32);
    expect(newMemberToken()).not.toBe(token);
    const hash = hashMemberToken(token);
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toBe(token);
    expect(hashMemberToken(token)).toBe(hash);
    // SHA-256 of 32 zero bytes, a published test vector.
    expect(hashMemberToken('A'.repeat(43))).toBe('Zmh6rfhivXdsj8GLjp-OIAiXFIVu4jOzkCpZHQ1fKSU');
    expect(isMemberToken('A'.repeat(42))).toBe(false);
    expect(isMemberToken(`${'A'.repeat(42)}B`)).toBe(false); // non-zero padding bits: not a canonical 32-byte value
    expect(() => hashMemberToken('not a token')).toThrow();
  });

  it('travel with the contract version', () => {
    const token = newMemberToken();
    expect(parseRelayCredential(relayCredential(token))).toEqual({ ok: true, token });
    expect(parseRelayCredential(`adb-relay-2.${token}`)).toEqual({ ok: false, code: 'protocol-mismatch' });
    expect(parseRelayCredential(token)).toEqual({ ok: false, code: 'protocol-mismatch' });
    expect(parseRelayCredential(undefined)).toEqual({ ok: false, code: 'protocol-mismatch' });
    expect(parseRelayCredential('adb-relay-1.short')).toEqual({ ok: false, code: 'bad-token' });
  });
});

describe('relay addresses', () => {
  it('follow the feed rules: wss anywhere, ws on loopback only', () => {
    for (const ok of ['wss://relay.kln.gov.my', 'wss://10.1.2.3:8443/relay', 'ws://127.0.0.1:4455', 'ws://localhost:4455', 'ws://[::1]:4455']) {
      expect(isAllowedRelayUrl(ok), ok).toBe(true);
    }
    for (const bad of ['ws://relay.kln.gov.my', 'ws://192.168.1.10:4455', 'https://relay.kln.gov.my', 'wss://user:pw@relay.example', 'wss://relay.example/?token=x', 'wss://relay.example/#x', 'relay.example', '']) {
      expect(isAllowedRelayUrl(bad), bad).toBe(false);
    }
  });

  it('put the members API on the same host and port', () => {
    expect(relayHttpUrl('wss://relay.kln.gov.my/relay', '/v1/relay')).toBe('https://relay.kln.gov.my/relay/v1/relay');
    expect(relayHttpUrl('ws://127.0.0.1:4455', '/v1/relay')).toBe('http://127.0.0.1:4455/v1/relay');
  });
});

describe('npm run relay flags', () => {
  const noFile = () => {
    throw new Error('no such file');
  };

  it('defaults to loopback, flags win over the environment', () => {
    const defaults = parseRelayConfig([], {}, noFile);
    expect(defaults.ok && defaults.config).toMatchObject({ host: '127.0.0.1', port: 4455, enrolmentSecret: undefined });
    const flagged = parseRelayConfig(['--port', '9000', '--data', '/srv/relay'], { RELAY_PORT: '8000', RELAY_DATA_DIR: '/tmp/x' }, noFile);
    expect(flagged.ok && flagged.config).toMatchObject({ port: 9000, dataDir: '/srv/relay' });
  });

  it('refuses a network address without an enrolment secret unless told open', () => {
    expect(parseRelayConfig(['--host', '0.0.0.0'], {}, noFile)).toMatchObject({ ok: false });
    expect(parseRelayConfig(['--host', '0.0.0.0', '--open-enrolment'], {}, noFile)).toMatchObject({ ok: true });
    const withFile = parseRelayConfig(['--host', '0.0.0.0', '--enrolment-secret-file', '/etc/relay/secret'], {}, () => 'a-long-enough-secret\n');
    expect(withFile.ok && withFile.config.enrolmentSecret).toBe('a-long-enough-secret');
    expect(parseRelayConfig([], { RELAY_ENROLMENT_SECRET: 'short' }, noFile)).toMatchObject({ ok: false });
    expect(parseRelayConfig(['--enrolment-secret-file', '/missing'], {}, noFile)).toMatchObject({ ok: false });
    expect(parseRelayConfig(['--port', 'eighty'], {}, noFile)).toMatchObject({ ok: false });
    expect(parseRelayConfig(['--bogus'], {}, noFile)).toMatchObject({ ok: false });
  });
});
