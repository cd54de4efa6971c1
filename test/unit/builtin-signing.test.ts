/**
 * The built-in dataset is bound to the publisher key shipped with the app: signed when the app
 * is built, only that key (or a rotation it signs) may publish its updates, and another trusted
 * key is refused with a message that says so. Keys here are made for the test; none is committed.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPublicKey, generateKeyPair, parsePublicKey, verifyBundle, verifySignature, type Signer } from '../../shared/bundle';
import { fromBase64, utf8 } from '../../shared/bundle/encoding';
import { DEV_KEY_ENV, EXTRA_KEYS_ENV, loadBuiltinDevSigner, resolveBuiltinSigning, SIGNING_KEY_ENV, type BuiltinSigning } from '../../scripts/builtin-signing';
import { builtinBundle } from '../../scripts/vite-plugin-builtin-dataset';
import { baseInput, builtinRecords, newSigner, options, signedBundle } from './bundle-fixtures';

let dir: string;
let release: BuiltinSigning;
let releaseKeyFile: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'builtin-signing-'));
  releaseKeyFile = join(dir, 'publisher.key');
  writeFileSync(releaseKeyFile, JSON.stringify((await generateKeyPair()).privateKeyFile), { mode: 0o600 });
  release = await resolveBuiltinSigning({ [SIGNING_KEY_ENV]: releaseKeyFile });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The app's view of its installed built-in dataset, as the engine passes it to verifyBundle. */
async function installedBuiltin(signing: BuiltinSigning) {
  const built = await builtinBundle(resolve('assets/dataset'), signing);
  const manifest = JSON.parse(built.bundleManifest) as { datasetId: string; version: number; signers: { keyIds: string[]; threshold: number } };
  return { built, manifest, installed: (id: string) => (id === manifest.datasetId ? { version: manifest.version, contentSha256: built.hash, signers: manifest.signers } : undefined) };
}

const update = (signer: Signer, version = 2) => signedBundle({ ...baseInput(builtinRecords()), version }, [signer]);

describe('the built-in dataset is bound to the publisher key shipped with the app', () => {
  it('is signed at build time by the release key, and the app ships that public key bound to it', async () => {
    const { built, manifest } = await installedBuiltin(release);
    expect(release.development).toBe(false);
    expect(manifest.signers).toEqual({ keyIds: [release.signer.publicKey.keyId], threshold: 1 });
    expect(built.publisherKeys.map((k) => k.keyId)).toEqual([release.signer.publicKey.keyId]);
    const [signature] = built.signatures;
    const key = await parsePublicKey(built.publisherKeys[0]!.publicKey);
    expect(await verifySignature(key!, utf8(built.bundleManifest), fromBase64(signature!.signature)!)).toBe(true);
    // Only the public half reaches the app's modules.
    expect(JSON.stringify(built)).not.toContain(JSON.parse(readFileSync(releaseKeyFile, 'utf8')).privateKey);
  });

  it('accepts an update signed by the shipped key', async () => {
    const { installed } = await installedBuiltin(release);
    const result = await verifyBundle(await update(release.signer), [release.signer.publicKey], options({ installed }));
    expect(result.ok ? result.signers.signers : result).toEqual({ keyIds: [release.signer.publicKey.keyId], threshold: 1 });
    expect(result.ok && result.signers.change).toBeUndefined();
  });

  it('refuses an update signed by another key the delegate trusts, saying which key is bound', async () => {
    const { installed } = await installedBuiltin(release);
    const ministry = await newSigner();
    const result = await verifyBundle(await update(ministry), [release.signer.publicKey, ministry.publicKey], options({ installed }));
    expect(result).toMatchObject({ ok: false, code: 'publisher-key-changed' });
    if (result.ok) return;
    expect(result.message).toContain('"asean-builtin"');
    expect(result.message).toContain(release.signer.publicKey.keyId);
    expect(result.message).toContain(ministry.publicKey.keyId);
  });

  it('binds co-publisher keys named at build time too, any one of them enough', async () => {
    const cosigner = await newSigner();
    const signing = await resolveBuiltinSigning({ [SIGNING_KEY_ENV]: releaseKeyFile, [EXTRA_KEYS_ENV]: formatPublicKey(cosigner.publicKey.raw) });
    const { installed, manifest } = await installedBuiltin(signing);
    expect(manifest.signers.keyIds).toEqual([release.signer.publicKey.keyId, cosigner.publicKey.keyId]);
    expect(await verifyBundle(await update(cosigner), [cosigner.publicKey], options({ installed }))).toMatchObject({ ok: true });
    await expect(resolveBuiltinSigning({ [SIGNING_KEY_ENV]: releaseKeyFile, [EXTRA_KEYS_ENV]: 'not-a-key' })).rejects.toThrow(EXTRA_KEYS_ENV);
  });

  it('refuses to build with a key file that is not a publisher secret key, naming the setting', async () => {
    const bad = join(dir, 'bad.key');
    writeFileSync(bad, '{"publicKey":"x"}');
    await expect(resolveBuiltinSigning({ [SIGNING_KEY_ENV]: bad })).rejects.toThrow(`${SIGNING_KEY_ENV}=${bad}`);
  });

  it('without a release key, signs with one development key per checkout, kept private to the user', async () => {
    const env = { [DEV_KEY_ENV]: join(dir, 'dev', 'builtin-dev.key') };
    const [first, second] = await Promise.all([resolveBuiltinSigning(env), resolveBuiltinSigning(env)]);
    expect(first.development).toBe(true);
    expect(second.shipped[0]!.keyId).toBe(first.shipped[0]!.keyId);
    expect((await loadBuiltinDevSigner(env)).publicKey.keyId).toBe(first.shipped[0]!.keyId);
    expect(statSync(env[DEV_KEY_ENV]).mode & 0o077).toBe(0);
  });
});
