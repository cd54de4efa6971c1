import { canonicalJson } from '../dataset/hash';
import { toBase64, utf8 } from './encoding';
import { formatPublicKey, type PublicKey, type Signer } from './keys';
import { RotationStatement, type KeyRotation } from './schema';

export interface RotationInput {
  datasetId: string;
  /** The keys that sign the dataset from now on. */
  keys: PublicKey[];
  /** How many of them must sign each bundle. */
  threshold: number;
  created: Date;
  /** Let the new keys publish a version lower than the installed one (recovery from a fast-forward). */
  resetVersion?: boolean;
}

/**
 * A key rotation for a dataset: the statement naming the new keys, signed by the keys it
 * replaces (at least as many as their threshold). The publisher adds it to the manifest's
 * `rotations`, after any earlier rotations, so that an app that missed one can follow the chain.
 */
export async function buildRotation(input: RotationInput, oldKeys: readonly Signer[]): Promise<KeyRotation> {
  const statement = RotationStatement.parse({
    datasetId: input.datasetId,
    keys: input.keys.map((k) => formatPublicKey(k.raw)),
    threshold: input.threshold,
    created: input.created.toISOString(),
    ...(input.resetVersion ? { resetVersion: true } : {}),
  });
  const text = canonicalJson(statement);
  const signatures = [];
  for (const signer of oldKeys) {
    signatures.push({ keyId: signer.publicKey.keyId, algorithm: 'ed25519' as const, signature: toBase64(await signer.sign(utf8(text))) });
  }
  return { statement: text, signatures };
}
