declare module 'virtual:builtin-dataset' {
  import type { DatasetManifest } from '../shared/dataset/manifest';
  import type { DatasetRecords } from '../shared/model';
  export const manifest: DatasetManifest;
  /** SHA-256 of the canonical JSON of the records. */
  export const hash: string;
  /** The built-in dataset's manifest in the bundle format (canonical JSON, unsigned: trusted as shipped). */
  export const bundleManifest: string;
  export function loadRecords(): Promise<DatasetRecords>;
}

/** The app's version from package.json, set at build time. */
declare const __APP_VERSION__: string;
