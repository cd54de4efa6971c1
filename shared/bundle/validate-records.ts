import { checkIntegrity, type DatasetProblem, type IntegrityOptions, type ValidationResult } from '../dataset/validate';
import { RECORD_KINDS, RECORD_SCHEMAS, isLaterRecordKind, type DatasetRecords } from '../model';

/**
 * validateDataset's checks (schema of every record, then integrity), for a payload just read
 * from JSON: each raw record is replaced by its parsed copy as soon as that copy exists, so the
 * raw and the parsed forms of a 100k-record dataset are never in memory side by side (which
 * roughly halves a verification's peak memory). MUTATES `raw`; on success returns it as records.
 */
export function validateRecordsInPlace(raw: Record<string, unknown>, options: IntegrityOptions = {}): ValidationResult {
  const problems: DatasetProblem[] = [];
  for (const key of Object.keys(raw)) {
    if (!(RECORD_KINDS as readonly string[]).includes(key)) problems.push({ kind: 'dataset', message: `unrecognized key "${key}"` });
  }
  for (const kind of RECORD_KINDS) {
    // A kind that came after the first record schema (contacts) is left out while empty.
    if (raw[kind] === undefined && isLaterRecordKind(kind)) raw[kind] = [];
    const list = raw[kind];
    if (!Array.isArray(list)) {
      problems.push({ kind, message: `expected a list of ${kind}` });
      continue;
    }
    const schema = RECORD_SCHEMAS[kind];
    for (let i = 0; i < list.length; i++) {
      const parsed = schema.safeParse(list[i]);
      if (parsed.success) {
        // The parsed copy replaces the raw record only when it differs (a default filled in, an
        // unknown key dropped): most records are valid as written, and keeping the raw one means
        // the copy dies young instead of both forms of the dataset filling the old generation.
        if (!sameValue(list[i], parsed.data)) list[i] = parsed.data;
        continue;
      }
      const id = (list[i] as { id?: unknown } | null)?.id;
      for (const issue of parsed.error.issues) {
        problems.push({ kind, ...(typeof id === 'string' ? { id } : {}), path: issue.path.join('.'), message: issue.message });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const records = raw as unknown as DatasetRecords;
  const integrity = checkIntegrity(records, options);
  if (integrity.length > 0) return { ok: false, problems: integrity };
  return { ok: true, records, problems: [] };
}

/**
 * Deep equality of two JSON values (plain objects, arrays, primitives), key order aside: the
 * same own keys with equal values. A record kept in place of its parsed copy must be
 * indistinguishable from it but for key order.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || Object.is(a, b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (!Object.hasOwn(x, key)) continue;
    if (!Object.hasOwn(y, key) || !sameValue(x[key], y[key])) return false;
    count++;
  }
  for (const key in y) if (Object.hasOwn(y, key)) count--;
  return count === 0;
}
