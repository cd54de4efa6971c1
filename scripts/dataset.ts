/**
 * The publisher tool for signed dataset bundles: `npm run dataset -- <command>`.
 * See docs/dataset-bundles.md. All bundle logic lives in shared/bundle; this file reads
 * arguments and files and prints.
 */
import { chmodSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  DEFAULT_MAX_BUNDLE_BYTES,
  SemverText,
  Tombstone,
  buildBundle,
  buildRotation,
  changedExcerpt,
  diffCounts,
  diffDatasets,
  fingerprintOf,
  formatPublicKey,
  generateKeyPair,
  loadSigner,
  parseJsonLimited,
  parsePublicKey,
  readBundleUnverified,
  serializeBundle,
  signBundle,
  splitPayload,
  verifyBundle,
  type BundleManifest,
  type ChangelogEntry,
  type KeyRotation,
  type PublicKey,
  type SignerPolicy,
} from '../shared/bundle';
import { canonicalJson } from '../shared/dataset/hash';
import { inline, terminalSafe } from '../shared/dataset/terminal-text';
import { formatProblem } from '../shared/dataset/validate';
import { RECORD_KINDS, Slug } from '../shared/model';
import { exportCsv, importCsv } from './dataset-csv';
import { validateLayer } from '../shared/dataset/layer-validation';
import { DatasetManifest, readBase, readDatasetDir } from './load-dataset-dir';

const HELP = `Usage: npm run dataset -- <command> [options]

Commands:
  keygen --out <dir> [--name <name>]
      Create a signing key pair: <dir>/<name>.key (secret, mode 0600) and <dir>/<name>.pub.
      Name defaults to "publisher". Never overwrites a key.
  build <source-dir> --out <bundle.json> [--publisher <id>] [--expires-days <n>]
        [--changelog <text>] [--previous <bundle.json>] [--min-app-version <x.y.z>]
        [--base <base-dir | base-bundle.json>]...
      Build an unsigned bundle from a dataset folder (manifest.json plus one file per record
      kind, optional removals.json). --previous adds tombstones for records removed since
      that bundle and keeps its changelog. SOURCE_DATE_EPOCH, if set, fixes the creation time.
      A layer (manifest.json with dependsOn: the datasets it builds on) needs each base with
      --base: its references to their ids are checked, and the bundle is written in format 3.
  sign <bundle.json> --key <file.key> [--out <signed.json>]
      Add a signature (in place unless --out). Several publishers may sign one bundle; a
      dataset that declares a threshold needs that many.
  rotate <bundle.json> --key <old.key>... --new-pub <new.pub>... [--threshold <n>]
         [--reset-version] [--out <bundle.json>]
      Hand the dataset to new keys: adds a key rotation signed by the old keys (as many as
      their threshold) to an unsigned bundle and declares the new keys as its signers; then
      sign it with the new keys. --reset-version lets the new keys publish a version lower
      than the installed one (recovery after a fast-forward). build --previous keeps them.
  verify <bundle.json> --pub <file.pub | key text>... [--app-version <x.y.z>]
         [--installed-version <n> --installed-hash <sha256> [--installed-key <file.pub>...]
         [--installed-threshold <n>]] [--max-mb <n>]
      Check a bundle exactly as the app does; exits 1 if the app would refuse it. With
      --installed-key, as an app where the dataset is bound to those keys (a key change then
      needs a rotation); without, as over the dataset shipped with the app.
  diff <old-bundle.json> <new-bundle.json> [--limit <n>]
      Show what changed: counts per record kind and field-by-field changes (first <n> records
      per kind, default 20). Signatures are not checked.
  export-csv <bundle.json | dataset-dir> <out-dir>
      Write one CSV file per record kind (one column per language, lists separated by ;)
      and manifest.json, for editing in a spreadsheet (docs/dataset-csv.md).
  import-csv <csv-dir> <out-dir>
      Build a dataset folder from those CSV files and manifest.json; every problem is named
      with its file, row and column, and nothing is written unless all are valid.

Options: --help  show this text`;

class UsageError extends Error {}

/**
 * Everything the tool prints goes through here: text that came from a file (titles, ids, field
 * values, parse errors quoting it) may hold terminal escape sequences, which are shown escaped.
 */
const print = (text: string) => console.log(terminalSafe(text));
const printError = (text: string) => console.error(terminalSafe(text));

const APP_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function args(argv: string[], options: ParseArgsConfig['options'], positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(`expected ${positionals} argument(s), got ${parsed.positionals.length}${parsed.positionals.length ? `: ${parsed.positionals.join(' ')}` : ''}`);
  }
  return { values: parsed.values as Record<string, string | string[] | boolean | undefined>, positionals: parsed.positionals };
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function positiveInt(text: string, name: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--${name} must be a positive whole number, got "${text}"`);
  return Number(text);
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`cannot read ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

function readBundle(path: string) {
  try {
    return readBundleUnverified(readText(path, 'bundle'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Writes through a temporary file and a rename, so an interrupted write never leaves half a bundle. */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

async function keygen(argv: string[]): Promise<void> {
  const { values } = args(argv, { out: { type: 'string' }, name: { type: 'string' } }, 0);
  const dir = resolve(required(values, 'out'));
  const name = (values.name as string | undefined) ?? 'publisher';
  if (!Slug.safeParse(name).success) throw new UsageError(`--name must be a lowercase slug such as "publisher", got "${name}"`);
  const keyPath = join(dir, `${name}.key`);
  const pubPath = join(dir, `${name}.pub`);
  for (const path of [keyPath, pubPath]) {
    if (existsSync(path)) throw new Error(`${path} already exists; keygen never overwrites a key (move it away or choose another --name)`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { publicKey, privateKeyFile } = await generateKeyPair();
  // 'wx' fails if the file appeared meanwhile; the mode is set again in case of a permissive umask.
  writeFileSync(keyPath, `${JSON.stringify(privateKeyFile, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(keyPath, 0o600);
  writeFileSync(pubPath, `${formatPublicKey(publicKey.raw)}\n`, { flag: 'wx' });
  print(`secret key:  ${keyPath}  (keep it offline and backed up; never share it)`);
  print(`public key:  ${pubPath}`);
  print(`key id:      ${publicKey.keyId}`);
  print(`fingerprint: ${await fingerprintOf(publicKey.raw)}`);
  print(formatPublicKey(publicKey.raw));
}

function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'publisher';
}

function creationTime(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined) return new Date();
  if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be seconds since 1970, got "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}

function readRemovals(dir: string): Tombstone[] {
  const path = join(dir, 'removals.json');
  if (!existsSync(path)) return [];
  let json: unknown;
  try {
    json = parseJsonLimited(readText(path, 'removals'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = Tombstone.array().safeParse(json);
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

async function build(argv: string[]): Promise<void> {
  const { values, positionals } = args(
    argv,
    {
      out: { type: 'string' },
      publisher: { type: 'string' },
      'expires-days': { type: 'string' },
      changelog: { type: 'string' },
      previous: { type: 'string' },
      'min-app-version': { type: 'string' },
      base: { type: 'string', multiple: true },
    },
    1,
  );
  const dir = resolve(positionals[0]!);
  const out = resolve(required(values, 'out'));
  const expiresDays = positiveInt((values['expires-days'] as string | undefined) ?? '365', 'expires-days');
  if (!existsSync(dir)) throw new Error(`source folder ${dir} does not exist`);

  let raw;
  try {
    raw = readDatasetDir(dir);
  } catch (error) {
    throw new Error(`cannot read the dataset folder: ${(error as Error).message}`, { cause: error });
  }
  const source = DatasetManifest.safeParse(raw.manifest);
  const bases = ((values.base as string[] | undefined) ?? []).map((b) => readBase(resolve(b)));
  // A layer's references to its bases' ids are checked against the bases given (--base), and only those it declares.
  const result = validateLayer(raw.records, source.success ? source.data.datasetId : '', source.success ? source.data.dependsOn : undefined, bases);
  const problems = [
    ...(source.success ? [] : source.error.issues.map((i) => `manifest.json › ${i.path.join('.')}: ${i.message}`)),
    ...(result.ok ? [] : result.problems.map(formatProblem)),
  ];
  if (!source.success || !result.ok) throw new Error(`the dataset in ${dir} is invalid:\n  - ${problems.join('\n  - ')}`);
  const publisherId = (values.publisher as string | undefined) ?? slugify(source.data.publisher);
  if (!Slug.safeParse(publisherId).success) throw new UsageError(`--publisher must be a lowercase slug such as "asean-secretariat", got "${publisherId}"`);

  const minAppVersion = (values['min-app-version'] as string | undefined) ?? APP_VERSION;
  if (!SemverText.safeParse(minAppVersion).success) throw new UsageError(`--min-app-version must be a version such as 1.2.0, got "${minAppVersion}"`);

  const removals = readRemovals(dir);
  let changelog: ChangelogEntry[] = [];
  let keyPolicy: { signers?: SignerPolicy; rotations?: KeyRotation[] } = {};
  if (typeof values.previous === 'string') {
    const previous = readBundle(resolve(values.previous));
    if (previous.manifest.datasetId !== source.data.datasetId) {
      throw new Error(`--previous is a bundle of "${previous.manifest.datasetId}", not "${source.data.datasetId}"`);
    }
    if (source.data.version <= previous.manifest.version) {
      throw new Error(`manifest.json has version ${source.data.version}, but the previous bundle is already version ${previous.manifest.version}; raise the version`);
    }
    const { records: before, removals: earlier } = splitPayload(previous.payload);
    const present = new Map(RECORD_KINDS.map((k) => [k, new Set(result.records[k].map((r) => r.id))]));
    const known = new Set(removals.map((t) => `${t.kind}/${t.id}`));
    // Keep earlier tombstones (unless the record came back) and add one for each record dropped since.
    const carried = [...earlier, ...RECORD_KINDS.flatMap((kind) => before[kind].map((r) => ({ kind, id: r.id })))];
    for (const t of carried) {
      if (!present.get(t.kind)!.has(t.id) && !known.has(`${t.kind}/${t.id}`)) {
        removals.push(t);
        known.add(`${t.kind}/${t.id}`);
      }
    }
    changelog = previous.manifest.changelog;
    // Key rotations and the declared signers carry on, so an app that missed a rotation can follow the chain.
    keyPolicy = {
      ...(previous.manifest.signers ? { signers: previous.manifest.signers } : {}),
      ...(previous.manifest.rotations ? { rotations: previous.manifest.rotations } : {}),
    };
  }
  if (typeof values.changelog === 'string') changelog = [...changelog, { version: source.data.version, notes: values.changelog }];

  const created = creationTime();
  const file = await buildBundle({
    records: result.records,
    removals,
    publisherId,
    publisherName: source.data.publisher,
    datasetId: source.data.datasetId,
    title: source.data.title,
    ...(source.data.description === undefined ? {} : { description: source.data.description }),
    version: source.data.version,
    created,
    expires: new Date(created.getTime() + expiresDays * 86_400_000),
    minAppVersion,
    changelog,
    ...keyPolicy,
    ...(source.data.dependsOn ? { dependsOn: source.data.dependsOn } : {}),
  });
  writeAtomic(out, serializeBundle(file));
  const counts = RECORD_KINDS.map((k) => `${result.records[k].length} ${k}`).join(', ');
  const layered = source.data.dependsOn ? `, a layer over ${source.data.dependsOn.map((d) => `${d.datasetId} ≥ v${d.minVersion}`).join(', ')} (format 3)` : '';
  print(`built ${out}: ${source.data.datasetId} v${source.data.version} (${counts}, ${removals.length} removals${layered}), unsigned`);
}

async function sign(argv: string[]): Promise<void> {
  const { values, positionals } = args(argv, { key: { type: 'string' }, out: { type: 'string' } }, 1);
  const path = resolve(positionals[0]!);
  const keyPath = resolve(required(values, 'key'));
  const out = typeof values.out === 'string' ? resolve(values.out) : path;
  const bundle = readBundle(path);
  let signer;
  try {
    signer = await loadSigner(readText(keyPath, 'key file'));
  } catch (error) {
    throw new Error(`${keyPath}: ${(error as Error).message}`, { cause: error });
  }
  const signed = await signBundle(bundle.file, signer);
  const text = serializeBundle(signed);
  // Check the result as the app will, so a publisher never signs a bundle that is already broken.
  const check = await verifyBundle(text, [signer.publicKey], { now: new Date(), maxBytes: Number.MAX_SAFE_INTEGER, appVersion: bundle.manifest.minAppVersion });
  const needed = bundle.manifest.signers?.threshold ?? 1;
  if (!check.ok && check.code === 'threshold-not-met') {
    // A threshold dataset is signed by one key at a time (each checked here alone); `verify` with every --pub checks them together.
    writeAtomic(out, text);
    print(`signed ${out} with key ${signer.publicKey.keyId} (${signed.signatures.length} signature(s); the dataset needs ${needed})`);
    return;
  }
  if (!check.ok) throw new Error(`refusing to sign ${path}: ${check.message}${check.problems.length ? `\n  - ${check.problems.slice(0, 20).join('\n  - ')}` : ''}`);
  writeAtomic(out, text);
  print(`signed ${out} with key ${signer.publicKey.keyId} (${signed.signatures.length} signature(s))`);
}

async function readPublicKey(arg: string): Promise<PublicKey> {
  const text = arg.startsWith('aseandb-ed25519:') ? arg : readText(resolve(arg), 'public key');
  const key = await parsePublicKey(text);
  if (!key) throw new Error(`${arg}: not a public key (expected one line "aseandb-ed25519:<base64>")`);
  return key;
}

async function verify(argv: string[]): Promise<void> {
  const { values, positionals } = args(
    argv,
    {
      pub: { type: 'string', multiple: true },
      'app-version': { type: 'string' },
      'installed-version': { type: 'string' },
      'installed-hash': { type: 'string' },
      'installed-key': { type: 'string', multiple: true },
      'installed-threshold': { type: 'string' },
      'max-mb': { type: 'string' },
    },
    1,
  );
  const pubs = (values.pub as string[] | undefined) ?? [];
  if (pubs.length === 0) throw new UsageError('--pub is required (the publisher public key file or text; repeat for several)');
  const keys = await Promise.all(pubs.map(readPublicKey));
  const installedVersion = values['installed-version'] as string | undefined;
  const installedHash = values['installed-hash'] as string | undefined;
  if ((installedVersion === undefined) !== (installedHash === undefined)) throw new UsageError('--installed-version and --installed-hash go together');
  const installedKeys = await Promise.all(((values['installed-key'] as string[] | undefined) ?? []).map(readPublicKey));
  const signers =
    installedKeys.length === 0 ? undefined : { keyIds: installedKeys.map((k) => k.keyId), threshold: positiveInt((values['installed-threshold'] as string | undefined) ?? '1', 'installed-threshold') };
  const installed =
    installedVersion === undefined ? undefined : { version: positiveInt(installedVersion, 'installed-version'), contentSha256: installedHash!, ...(signers ? { signers } : {}) };
  const maxBytes = values['max-mb'] === undefined ? DEFAULT_MAX_BUNDLE_BYTES : positiveInt(values['max-mb'] as string, 'max-mb') * 1024 * 1024;
  const path = resolve(positionals[0]!);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new Error(`cannot read bundle ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { cause: error });
  }
  // Read a piece at a time, twice (the file is on disk): the bundle's bytes are never held whole beside its records.
  const readPiece = (start: number, end: number) => {
    const piece = new Uint8Array(end - start);
    for (let at = 0; at < piece.length; ) {
      const n = readSync(fd, piece, at, piece.length - at, start + at);
      if (n === 0) throw new Error(`cannot read bundle ${path}: it changed while being read`);
      at += n;
    }
    return Promise.resolve(piece);
  };
  let result: Awaited<ReturnType<typeof verifyBundle>>;
  try {
    result = await verifyBundle({ size: fstatSync(fd).size, read: readPiece, take: () => readFileSync(path), fresh: true, reread: true }, keys, {
      now: new Date(),
      maxBytes,
      appVersion: (values['app-version'] as string | undefined) ?? APP_VERSION,
      installed: () => installed,
    });
  } finally {
    closeSync(fd);
  }
  if (!result.ok) {
    printError(`REFUSED (${result.code}): ${inline(result.message)}`);
    for (const p of result.problems.slice(0, 50)) printError(`  - ${inline(p)}`);
    if (result.problems.length > 50) printError(`  … and ${result.problems.length - 50} more`);
    process.exitCode = 1;
    return;
  }
  const m = result.manifest;
  const total = RECORD_KINDS.reduce((n, k) => n + (m.recordCounts[k] ?? 0), 0);
  print(`OK: ${inline(basename(path))} is ${m.datasetId} v${m.version} "${inline(m.title)}" from ${inline(m.publisherName)} (${m.publisherId})`);
  print(`  format ${result.format}; signed by key ${result.signedBy.join(', ')}; ${total} records, ${m.recordCounts.removals} removals; payload sha256 ${m.payloadSha256}`);
  if (result.format === 1) print('  (format 1 is still read, but rebuild it with this tool: it writes format 2)');
  print(`  created ${m.created}; expires ${m.expires}${result.expired ? '  — EXPIRED: the app will warn before installing it' : ''}`);
  if (result.alreadyInstalled) print('  this version is already installed (same content): nothing to do');
  const change = result.signers.change;
  if (change?.kind === 'rotated') print(`  KEY ROTATION: from ${change.fromKeyIds.join(', ')} to ${change.toKeyIds.join(', ')} (${change.threshold} needed)`);
  if (change?.kind === 'replaces-builtin') print('  replaces the dataset shipped with the app: the app will say the publisher changes');
  if (m.dependsOn) {
    const refs = result.externalReferences ?? [];
    print(`  a layer over ${m.dependsOn.map((d) => `${d.datasetId} ≥ v${d.minVersion}`).join(', ')}: ${refs.length} references to its bases' records (the app installs it only over those bases, and checks each reference against them)`);
  }
}

const json = (value: unknown): string => inline(value === undefined ? '(none)' : JSON.stringify(value));

function diff(argv: string[]): void {
  const { values, positionals } = args(argv, { limit: { type: 'string' } }, 2);
  const limit = positiveInt((values.limit as string | undefined) ?? '20', 'limit');
  const [oldPath, newPath] = positionals.map((p) => resolve(p)) as [string, string];
  const before = readBundle(oldPath);
  const after = readBundle(newPath);
  if (before.manifest.datasetId !== after.manifest.datasetId) {
    print(`note: different datasets ("${inline(before.manifest.datasetId)}" and "${inline(after.manifest.datasetId)}")`);
  }
  print(`${before.manifest.datasetId} v${before.manifest.version} → ${after.manifest.datasetId} v${after.manifest.version} (signatures not checked)`);
  const result = diffDatasets(splitPayload(before.payload).records, splitPayload(after.payload).records);
  const counts = diffCounts(result);
  for (const kind of RECORD_KINDS) {
    const c = counts[kind];
    print(`${kind}: ${c.added} added, ${c.changed} changed, ${c.removed} removed`);
    const { added, changed, removed } = result[kind];
    for (const id of added.slice(0, limit)) print(`  + ${inline(id)}`);
    for (const id of removed.slice(0, limit)) print(`  - ${inline(id)}`);
    for (const { id, changes } of changed.slice(0, limit)) {
      print(`  ~ ${inline(id)}`);
      for (const ch of changes) {
        // Long values are cut around the part that changed, the same way on both sides.
        const shown = changedExcerpt(json(ch.before), json(ch.after));
        print(`      ${inline(ch.path)}: ${shown.before} → ${shown.after}`);
      }
    }
    const hidden = Math.max(0, added.length - limit) + Math.max(0, removed.length - limit) + Math.max(0, changed.length - limit);
    if (hidden > 0) print(`  … ${hidden} more (use --limit)`);
  }
}

async function rotate(argv: string[]): Promise<void> {
  const { values, positionals } = args(
    argv,
    {
      key: { type: 'string', multiple: true },
      'new-pub': { type: 'string', multiple: true },
      threshold: { type: 'string' },
      'reset-version': { type: 'boolean' },
      out: { type: 'string' },
    },
    1,
  );
  const path = resolve(positionals[0]!);
  const out = typeof values.out === 'string' ? resolve(values.out) : path;
  const keyPaths = (values.key as string[] | undefined) ?? [];
  const newPubs = (values['new-pub'] as string[] | undefined) ?? [];
  if (keyPaths.length === 0) throw new UsageError('--key is required (the private key file of a key the dataset is signed with now; repeat to meet its threshold)');
  if (newPubs.length === 0) throw new UsageError('--new-pub is required (the public key of a key that signs the dataset from now on; repeat for several)');
  const threshold = positiveInt((values.threshold as string | undefined) ?? '1', 'threshold');
  const newKeys = await Promise.all(newPubs.map(readPublicKey));
  if (threshold > newKeys.length) throw new UsageError(`--threshold ${threshold} is more than the ${newKeys.length} new key(s)`);
  const oldKeys = [];
  for (const keyPath of keyPaths) {
    try {
      oldKeys.push(await loadSigner(readText(resolve(keyPath), 'key file')));
    } catch (error) {
      throw new Error(`${keyPath}: ${(error as Error).message}`, { cause: error });
    }
  }
  const bundle = readBundle(path);
  const rotation: KeyRotation = await buildRotation(
    { datasetId: bundle.manifest.datasetId, keys: newKeys, threshold, created: creationTime(), resetVersion: values['reset-version'] === true },
    oldKeys,
  );
  const signers: SignerPolicy = { keyIds: newKeys.map((k) => k.keyId), threshold };
  const manifest: BundleManifest = { ...bundle.manifest, rotations: [...(bundle.manifest.rotations ?? []), rotation], signers };
  // The manifest changed, so earlier signatures no longer hold: the new keys sign it next.
  const file = { ...bundle.file, manifest: canonicalJson(manifest), signatures: [] };
  writeAtomic(out, serializeBundle(file));
  print(`rotated ${out}: "${inline(bundle.manifest.datasetId)}" passes from key(s) ${oldKeys.map((k) => k.publicKey.keyId).join(', ')} to ${signers.keyIds.join(', ')} (${threshold} needed); unsigned: sign it with the new key(s)`);
}

const csvCommand = (run: (from: string, to: string) => string) => (argv: string[]) => {
  const { positionals } = args(argv, {}, 2);
  print(run(positionals[0]!, positionals[1]!));
};

const COMMANDS: Record<string, (argv: string[]) => Promise<void> | void> = {
  keygen,
  build,
  sign,
  rotate,
  verify,
  diff,
  'export-csv': csvCommand(exportCsv),
  'import-csv': csvCommand(importCsv),
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? printError : print)(HELP);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    printError(`dataset: unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    print(HELP);
    return 0;
  }
  try {
    await run(rest);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    printError(`dataset ${command}: ${(error as Error).message}`);
    if (error instanceof UsageError) printError('(run with --help for usage)');
    return error instanceof UsageError ? 2 : 1;
  }
}

// `dataset diff … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
