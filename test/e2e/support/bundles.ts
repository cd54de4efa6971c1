import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { buildBundle, formatPublicKey, generateKeyPair, loadSigner, serializeBundle, signBundle, type Signer, type Tombstone } from '../../../shared/bundle';
import { validateDataset } from '../../../shared/dataset/validate';
import type { DatasetRecords } from '../../../shared/model';
import { loadBuiltinDevSigner } from '../../../scripts/builtin-signing';
import { readDatasetDir } from '../../../scripts/load-dataset-dir';

/** The built-in dataset's id: updates to it replace the records the app shipped with. */
export const BUILTIN_DATASET_ID = 'asean-builtin';

export function builtinRecords(): DatasetRecords {
  const result = validateDataset(readDatasetDir(resolve('assets/dataset')).records);
  if (!result.ok) throw new Error('the built-in dataset is invalid');
  return result.records;
}

export interface Publisher {
  signer: Signer;
  /** The one-line public key a delegate pastes. */
  publicKeyText: string;
}

export async function newPublisher(): Promise<Publisher> {
  const signer = await loadSigner(JSON.stringify((await generateKeyPair()).privateKeyFile));
  return { signer, publicKeyText: formatPublicKey(signer.publicKey.raw) };
}

/**
 * The publisher of the built-in dataset: the key it is bound to in the app under test (a build
 * without the release key is bound to this checkout's development key; scripts/builtin-signing.ts).
 * The app trusts it as shipped, so the tests never add it by hand.
 */
export async function builtinPublisher(): Promise<Publisher> {
  const signer = await loadBuiltinDevSigner();
  return { signer, publicKeyText: formatPublicKey(signer.publicKey.raw) };
}

/** A signed bundle of the built-in dataset id, valid for a year from now. */
export async function signedBundle(records: DatasetRecords, publisher: Publisher, version: number, removals: Tombstone[] = []): Promise<string> {
  const result = validateDataset(records);
  if (!result.ok) throw new Error(`test bundle records are invalid: ${JSON.stringify(result).slice(0, 500)}`);
  const now = new Date();
  const file = await buildBundle({
    records: result.records,
    removals,
    publisherId: 'asean-secretariat-test',
    publisherName: 'ASEAN Secretariat (test)',
    datasetId: BUILTIN_DATASET_ID,
    title: 'ASEAN reference data',
    version,
    created: now,
    expires: new Date(now.getTime() + 365 * 24 * 3600 * 1000),
    minAppVersion: '0.1.0',
    changelog: [{ version, notes: `Test update to version ${version}` }],
  });
  return serializeBundle(await signBundle(file, publisher.signer));
}

export interface FeedServer {
  /** The feed address: http on 127.0.0.1, which the app allows for local publishers. */
  url: string;
  /** What the feed serves from now on. */
  serve(text: string): void;
  requests: number;
  stop(): Promise<void>;
}

/** A publisher's feed on 127.0.0.1: the address answers with the latest bundle file itself. */
export async function startFeedServer(): Promise<FeedServer> {
  let body = '';
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    state.requests += 1;
    if (req.url !== '/feed.json') {
      res.writeHead(404).end();
      return;
    }
    // The app in web mode fetches across origins: the feed allows it, as a public feed would.
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.json`;
  return {
    url,
    serve: (text) => void (body = text),
    get requests() {
      return state.requests;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
