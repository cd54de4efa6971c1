declare module 'virtual:builtin-dataset' {
  import type { DatasetManifest } from '../shared/dataset/manifest';
  import type { DatasetRecords } from '../shared/model';
  export const manifest: DatasetManifest;
  /** SHA-256 of the canonical JSON of the records. */
  export const hash: string;
  /** The built-in dataset's manifest in the bundle format (canonical JSON), its signers the shipped publisher keys. */
  export const bundleManifest: string;
  /** Signatures over bundleManifest, made when the app was built (scripts/builtin-signing.ts). */
  export const signatures: { keyId: string; algorithm: 'ed25519'; signature: string }[];
  /** The publisher keys the built-in dataset is bound to: only they (or a rotation they sign) may replace it. */
  export const publisherKeys: { keyId: string; publicKey: string; fingerprint: string }[];
  export function loadRecords(): Promise<DatasetRecords>;
}

/** The app's version from package.json, set at build time. */
declare const __APP_VERSION__: string;
