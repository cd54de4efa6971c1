import type { BoundSigners, PublisherChange } from '../../shared/bundle/signers';
import type { AcceptedManifest } from '../db/schema';
import type { PreviewPublisherChange } from './types';

/**
 * The keys a dataset is bound to, from its accepted manifest: for the built-in dataset, the
 * publisher keys shipped with the app (undefined, bound to no key, for a row written by an app
 * that shipped none); the keys that signed it, one needed, for a row kept before bindings were.
 */
export function boundSigners(manifest: AcceptedManifest): BoundSigners | undefined {
  if (manifest.origin.kind === 'builtin') return manifest.signers;
  return manifest.signers ?? { keyIds: [...new Set(manifest.signatures.map((s) => s.keyId))], threshold: 1 };
}

/** What the preview says about a change of publisher keys, with the delegate's labels and the new keys' fingerprints. */
export async function describeChange(
  change: PublisherChange,
  rotatedKeys: readonly { keyId: string; fingerprint: string }[],
  labels: ReadonlyMap<string, { label: string; fingerprint: string }>,
): Promise<PreviewPublisherChange> {
  if (change.kind === 'replaces-builtin') return { kind: 'replaces-builtin' };
  const fingerprints = new Map(rotatedKeys.map((k) => [k.keyId, k.fingerprint]));
  return {
    kind: 'rotated',
    from: change.fromKeyIds.map((keyId) => ({ keyId, label: labels.get(keyId)?.label ?? keyId })),
    to: change.toKeyIds.map((keyId) => ({ keyId, fingerprint: fingerprints.get(keyId) ?? labels.get(keyId)?.fingerprint ?? '' })),
    threshold: change.threshold,
  };
}
