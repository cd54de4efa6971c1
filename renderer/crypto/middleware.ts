import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { additionalData, canonicalKey, openRecordBytes, RecordIntegrityError, sealRecordBytes } from './record-cipher';
import { decodeRecord } from './record-codec';
import { cryptoMode, dataKey, isMigrating, LockedError, trackWrite } from './key-state';
import { DecryptedRows } from './decrypted-rows';
import { ENCRYPTED_TABLES, type EncryptedTable } from './table-config';
import { keepAliveWhile } from './transaction-keep-alive';

/** The stored field holding a row's ciphertext. */
export const CIPHER_FIELD = '$sealed';

type Row = Record<string, unknown>;

/*
 * The one place rows are encrypted and decrypted. Features read and write plain objects
 * through Dexie as before; at the bottom of Dexie's stack (level -2, below its hooks, live-
 * query observation and cache, which therefore all see plain rows), rows of the tables in
 * ENCRYPTED_TABLES are stored as their plain fields plus one ciphertext.
 */
export function cryptoMiddlewareFor(tables: Readonly<Record<string, EncryptedTable>>): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'Encryption at rest',
    level: -2,
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        const config = Object.hasOwn(tables, name) ? tables[name] : undefined;
        return config ? encryptingTable(table, config) : table;
      },
    }),
  };
}

export const cryptoMiddleware = cryptoMiddlewareFor(ENCRYPTED_TABLES);

function encryptingTable(table: DBCoreTable, config: EncryptedTable): DBCoreTable {
  const name = table.name;
  const { primaryKey } = table.schema;
  const keyOf = (value: Row, given?: unknown): unknown => (primaryKey.outbound || !primaryKey.extractKey ? given : primaryKey.extractKey(value));
  const keptPlain = (key: unknown) => typeof key === 'string' && (config.plainRows ?? []).includes(key);

  function requireKey(): CryptoKey {
    const key = dataKey();
    if (!key) throw new LockedError(name);
    return key;
  }

  // A nested plain field (`target.versionId`) is an index into an object the features own: its
  // value is copied beside the ciphertext, the object itself stays whole inside it.
  const topPlain = config.plain.filter((f) => !f.includes('.'));
  const nestedPlain = config.plain.filter((f) => f.includes('.'));
  const plainValues = (row: Row, fields: readonly string[] = config.plain) => fields.map((f) => valueAt(row, f));
  // Fields older rows keep beside their ciphertext though they have moved into it since
  // (EncryptedTable.formerPlain): such a row was sealed with the former list, and reads as such.
  const movedIn = (config.formerPlain ?? []).filter((f) => !config.plain.includes(f));
  const sealedWith = (stored: Row) => (movedIn.some((f) => stored[f] !== undefined) ? config.formerPlain! : config.plain);
  const storedPlainValues = (stored: Row) => plainValues(stored, sealedWith(stored));

  async function seal(value: Row, key: unknown): Promise<Row> {
    if (keptPlain(key)) return value;
    const plain: Row = {};
    const secret: Row = {};
    for (const [field, item] of Object.entries(value)) {
      if (topPlain.includes(field)) plain[field] = item;
      else if (item !== undefined) secret[field] = item;
    }
    for (const path of nestedPlain) {
      const item = valueAt(value, path);
      if (item !== undefined) setValueAt(plain, path, item);
    }
    const aad = additionalData(name, key, plainValues(value));
    const { sealed, plain: bytes } = await sealRecordBytes(requireKey(), secret, aad);
    plain[CIPHER_FIELD] = sealed;
    if (config.remember !== false) cache.set(canonicalKey(key), sealed, aadText(key, plainValues(value)), bytes, secret);
    return plain;
  }

  /*
   * Rows decrypted once are remembered (by their exact ciphertext) while the app stays
   * unlocked, so reading an unchanged row again is synchronous: no crypto, no keep-alive.
   * Callers get a fresh copy. Dropped whenever the key goes (and the page reloads on lock anyway).
   */
  const cache = new DecryptedRows();
  const aadText = (key: unknown, values: unknown[]) => JSON.stringify([canonicalKey(key), values.map((v) => v ?? null)]);

  /** The plain row at once if no crypto is needed, else undefined (then `open` must run). */
  function openNow(stored: unknown, given?: unknown): { value: unknown } | undefined {
    if (stored === undefined || stored === null || typeof stored !== 'object') return { value: stored };
    const row = stored as Row;
    const sealed = row[CIPHER_FIELD];
    if (sealed === undefined) return undefined;
    if (cryptoMode() !== 'unlocked') return undefined;
    const key = keyOf(row, given);
    const hit = cache.get(canonicalKey(key), sealed, aadText(key, storedPlainValues(row)));
    return hit ? { value: withPlain(hit, row) } : undefined;
  }

  /** The row as features see it: `secret` (a fresh object, the caller's own) with the plain fields put back. */
  function withPlain(secret: Row, row: Row): Row {
    for (const field of topPlain) if (row[field] !== undefined) secret[field] = row[field];
    for (const field of movedIn) if (row[field] !== undefined) secret[field] = row[field];
    return secret;
  }

  /** `known`: openNow already missed for this row (openAll asked first), so it is not asked twice. */
  async function open(stored: unknown, given?: unknown, known = false): Promise<unknown> {
    const now = known ? undefined : openNow(stored, given);
    if (now) return now.value;
    const row = stored as Row;
    const key = keyOf(row, given);
    const sealed = row[CIPHER_FIELD];
    if (sealed === undefined) {
      if (keptPlain(key) || cryptoMode() === 'plain' || isMigrating(name)) return row;
      throw new RecordIntegrityError(name, key, 'a plain row where only encrypted rows belong');
    }
    if (cryptoMode() === 'plain') throw new RecordIntegrityError(name, key, 'an encrypted row but no key set up (was the keyring removed?)');
    const stillPlain = storedPlainValues(row);
    const aad = additionalData(name, key, stillPlain);
    const bytes = await openRecordBytes(requireKey(), sealed, aad, { table: name, key });
    const secret = decodeRecord(bytes);
    if (config.remember !== false) cache.set(canonicalKey(key), sealed, aadText(key, stillPlain), bytes, secret);
    return withPlain(secret, row);
  }

  /** Opens many rows: synchronously when every one is remembered, else with the transaction kept alive. */
  function openAll(trans: DBCoreTransaction, rows: readonly unknown[], keys: readonly unknown[]): unknown[] | Promise<unknown[]> {
    const now = rows.map((v, i) => openNow(v, keys[i]));
    if (now.every((n) => n !== undefined)) return now.map((n) => n!.value);
    return within(trans, () => Promise.all(rows.map((v, i) => (now[i] ? now[i].value : open(v, keys[i], true)))));
  }

  /** A refusal as a rejected promise, which is what Dexie expects from a DBCore call. */
  const refused = () => (cryptoMode() === 'locked' ? Promise.reject(new LockedError(name)) : undefined);

  const within = <T>(trans: DBCoreTransaction, work: () => Promise<T>) => keepAliveWhile(trans, name, work);

  async function sealAll(req: DBCoreMutateRequest & { type: 'add' | 'put' }): Promise<DBCoreMutateRequest> {
    const values = await Promise.all(req.values.map((v: Row, i) => seal(v, keyOf(v, req.keys?.[i]))));
    return { ...req, values };
  }

  /** Auto-increment rows added without a key: the key is known only after the add, and it goes into the additional data. */
  async function addWithoutKeys(req: DBCoreMutateRequest & { type: 'add' }) {
    const placeholders = req.values.map((v: Row) => Object.fromEntries(topPlain.filter((f) => v[f] !== undefined).map((f) => [f, v[f]])));
    const added = await table.mutate({ ...req, values: placeholders });
    const keyPath = primaryKey.keyPath as string;
    const keyed = req.values.map((v: Row, i) => ({ ...v, [keyPath]: added.results?.[i] }));
    const sealed = await within(req.trans, () => Promise.all(keyed.map((v: Row) => seal(v, v[keyPath]))));
    await table.mutate({ type: 'put', trans: req.trans, values: sealed });
    return added;
  }

  function mutate(req: DBCoreMutateRequest) {
    if (cryptoMode() === 'locked') return Promise.reject(new LockedError(name));
    if (cryptoMode() === 'plain' || req.type === 'delete' || req.type === 'deleteRange') return table.mutate(req);
    if (req.type === 'add' && primaryKey.autoIncrement && !primaryKey.outbound && req.values.some((v: Row) => keyOf(v) === undefined)) {
      return trackWrite(addWithoutKeys(req));
    }
    return trackWrite(within(req.trans, () => sealAll(req)).then((sealed) => table.mutate(sealed)));
  }

  async function openCursor(req: Parameters<DBCoreTable['openCursor']>[0]): Promise<DBCoreCursor | null> {
    if (cryptoMode() === 'locked') throw new LockedError(name);
    if (!req.values) return table.openCursor(req);
    // A cursor hands out values synchronously, decryption is not: decrypt the range first,
    // then walk a key cursor over it and serve each value from what was decrypted.
    const { result } = await table.query({ trans: req.trans, values: true, query: req.query });
    const keys = primaryKey.outbound ? (await table.query({ trans: req.trans, values: false, query: req.query })).result : [];
    const opened = await openAll(req.trans, result, keys);
    const byKey = new Map<string, unknown>();
    result.forEach((v: Row, i) => byKey.set(canonicalKey(keyOf(v, keys[i])), opened[i]));
    const inner = await table.openCursor({ ...req, values: false });
    return inner && decryptedCursor(inner, byKey);
  }

  return {
    ...table,
    mutate,
    get: (req) => {
      return refused() ?? table.get(req).then((v) => Promise.resolve(openAll(req.trans, [v], [req.key])).then((r) => r[0]));
    },
    getMany: (req) => {
      return refused() ?? table.getMany(req).then((values) => openAll(req.trans, values, req.keys));
    },
    query: async (req) => {
      if (cryptoMode() === 'locked') throw new LockedError(name);
      const response = await table.query(req);
      if (!req.values) return response;
      const keys = primaryKey.outbound ? (await table.query({ ...req, values: false })).result : [];
      const result = await openAll(req.trans, response.result, keys);
      return { result };
    },
    openCursor,
  };
}

/** The value at a dotted path (`target.versionId`), as IndexedDB's key paths read it. */
function valueAt(row: Row, path: string): unknown {
  let at: unknown = row;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Row)[part];
  }
  return at;
}

function setValueAt(row: Row, path: string, value: unknown): void {
  const parts = path.split('.');
  const last = parts.pop() ?? path;
  let at = row;
  for (const part of parts) {
    if (typeof at[part] !== 'object' || at[part] === null) at[part] = {};
    at = at[part] as Row;
  }
  at[last] = value;
}

function decryptedCursor(inner: DBCoreCursor, values: Map<string, unknown>): DBCoreCursor {
  const wrapper: DBCoreCursor = {
    get trans() {
      return inner.trans;
    },
    get key() {
      return inner.key as unknown;
    },
    get primaryKey() {
      return inner.primaryKey as unknown;
    },
    get value() {
      return values.get(canonicalKey(inner.primaryKey));
    },
    get done() {
      return inner.done;
    },
    continue: (key?: unknown) => inner.continue(key),
    continuePrimaryKey: (key: unknown, primary: unknown) => inner.continuePrimaryKey(key, primary),
    advance: (count: number) => inner.advance(count),
    start: (onNext: () => void) => inner.start(onNext),
    stop: (value?: unknown) => inner.stop(value),
    next: () => inner.next().then(() => wrapper),
    fail: (error: Error) => inner.fail(error),
  };
  return wrapper;
}
