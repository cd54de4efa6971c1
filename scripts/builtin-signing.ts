import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { canonicalJson } from '../shared/dataset/hash';
import { fingerprintOf, formatPublicKey, generateKeyPair, loadSigner, parsePublicKey, type Signer } from '../shared/bundle/keys';
import { toBase64, utf8 } from '../shared/bundle/encoding';

/**
 * Who signs the built-in dataset when the app is built, and which publisher keys the app ships
 * bound to it (docs/dataset-bundles.md, "The built-in dataset's key").
 *
 * - A release build names the publisher's secret key file in ASEANDB_BUILTIN_SIGNING_KEY: the
 *   built-in dataset is signed with it and bound to its public half. The secret never enters
 *   the repository; only the public key ends up in the app.
 * - Any other build (development, tests, CI) signs with a development key generated on this
 *   machine the first time it is needed, kept in DEV_KEY_FILE (inside node_modules, git-ignored,
 *   mode 0600; never committed, never in dist/). Tests and the end-to-end suite sign updates
 *   of the built-in dataset with it (loadBuiltinDevSigner), as the publisher would with theirs.
 *   Deleting the file makes a new one: a development key is worth nothing outside this checkout.
 * - ASEANDB_BUILTIN_PUBLIC_KEYS (public key texts, separated by commas or new lines) adds
 *   co-publisher keys the dataset is also bound to, any one of which may publish its updates.
 */
export const SIGNING_KEY_ENV = 'ASEANDB_BUILTIN_SIGNING_KEY';
export const EXTRA_KEYS_ENV = 'ASEANDB_BUILTIN_PUBLIC_KEYS';
/** Where a checkout keeps its development key (overridable, for a test that wants its own). */
export const DEV_KEY_ENV = 'ASEANDB_BUILTIN_DEV_KEY_FILE';
const DEFAULT_DEV_KEY_FILE = 'node_modules/.cache/aseandb/builtin-dev-signing.key';

/** This checkout's development key for the built-in dataset, made once (two builds at once agree on one file). */
export async function loadBuiltinDevSigner(env: Record<string, string | undefined> = process.env): Promise<Signer> {
  const path = resolve(env[DEV_KEY_ENV] ?? DEFAULT_DEV_KEY_FILE);
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${JSON.stringify((await generateKeyPair()).privateKeyFile, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return loadSigner(readFileSync(path, 'utf8'));
}

export interface ShippedKey {
  keyId: string;
  publicKey: string;
  fingerprint: string;
}

export interface BuiltinSigning {
  signer: Signer;
  /** True when no publisher key was given and the build signed with this checkout's development key. */
  development: boolean;
  /** The keys bound to the built-in dataset, the signer's first. */
  shipped: ShippedKey[];
}

async function shippedKey(text: string): Promise<ShippedKey> {
  const key = await parsePublicKey(text.trim());
  if (!key) throw new Error(`${EXTRA_KEYS_ENV}: "${text.trim().slice(0, 40)}" is not a publisher public key (aseandb-ed25519:…)`);
  return { keyId: key.keyId, publicKey: formatPublicKey(key.raw), fingerprint: await fingerprintOf(key.raw) };
}

export async function resolveBuiltinSigning(env: Record<string, string | undefined> = process.env): Promise<BuiltinSigning> {
  const file = env[SIGNING_KEY_ENV];
  let signer: Signer;
  if (file) {
    try {
      signer = await loadSigner(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${SIGNING_KEY_ENV}=${file}: ${(error as Error).message}`);
    }
  } else {
    signer = await loadBuiltinDevSigner(env);
  }
  const own = await shippedKey(formatPublicKey(signer.publicKey.raw));
  const extra = await Promise.all((env[EXTRA_KEYS_ENV] ?? '').split(/[,\n]/).filter((t) => t.trim() !== '').map(shippedKey));
  const shipped = [own, ...extra.filter((k, i) => k.keyId !== own.keyId && extra.findIndex((e) => e.keyId === k.keyId) === i)];
  return { signer, development: !file, shipped };
}

/** The signer policy for the built-in dataset's manifest: any one of the shipped keys. */
export const shippedPolicy = (shipped: readonly ShippedKey[]) => ({ keyIds: shipped.map((k) => k.keyId), threshold: 1 });

/** Signs a canonical manifest text as `npm run dataset -- sign` does. */
export async function signManifest(manifestText: string, signer: Signer) {
  if (canonicalJson(JSON.parse(manifestText)) !== manifestText) throw new Error('the built-in manifest is not canonical JSON');
  return [{ keyId: signer.publicKey.keyId, algorithm: 'ed25519' as const, signature: toBase64(await signer.sign(utf8(manifestText))) }];
}
