import { canonicalJson } from '../dataset/hash';

/**
 * The same text as canonicalJson (shared/dataset/hash.ts), faster on a 100k-record payload.
 * canonicalJson rebuilds every object with sorted keys inside JSON.stringify's replacer; here
 * any subtree whose objects already have sorted keys (how serializeBundle writes records, so
 * how a parsed bundle arrives) goes straight to native JSON.stringify, and only the levels
 * above it are assembled by hand. A unit test holds the two to the same output.
 */
export function canonicalJsonFast(value: unknown, depth = 0): string {
  if (keysSorted(value)) return JSON.stringify(value);
  // Below payload › kind › record, assembling by hand is slower than canonicalJson itself.
  if (depth >= 2) return canonicalJson(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJsonFast(item, depth + 1) ?? 'null').join(',')}]`;
  if (isPlainRecord(value)) {
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const members = keys.flatMap((k) => {
      const text = canonicalJsonFast(value[k], depth + 1) as string | undefined;
      return text === undefined ? [] : [`${JSON.stringify(k)}:${text}`];
    });
    return `{${members.join(',')}}`;
  }
  return canonicalJson(value);
}

/** A plain object without toJSON or integer-like keys (JSON.stringify would list those first). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  return Object.keys(value).every((k) => !startsWithDigit(k));
}

const startsWithDigit = (key: string) => {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57;
};

function keysSorted(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysSorted(item)) return false;
    return true;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  let previous: string | undefined;
  for (const key in value) {
    // Integer-like keys are listed first whatever their order, so "10" < "9" would mislead the check.
    if (!Object.hasOwn(value, key) || startsWithDigit(key) || (previous !== undefined && !(previous < key))) return false;
    previous = key;
    if (!keysSorted((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * The same text as canonicalJsonFast(value), handed to `emit` in pieces no larger than one
 * record (payload › kind › record), so a 100k-record payload can be hashed without its
 * canonical text ever existing in one string. A unit test holds the two to the same output.
 */
export function canonicalJsonPieces(value: unknown, emit: (piece: string) => void, depth = 0): void {
  if (depth < 2 && Array.isArray(value)) {
    emit('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) emit(',');
      const item: unknown = value[i];
      if (depth + 1 < 2 && item !== null && typeof item === 'object') canonicalJsonPieces(item, emit, depth + 1);
      else emit((canonicalJsonFast(item, depth + 1) as string | undefined) ?? 'null');
    }
    emit(']');
    return;
  }
  if (depth < 2 && isPlainRecord(value)) {
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let first = true;
    for (const key of keys) {
      const member = value[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      emit(`${first ? '{' : ','}${JSON.stringify(key)}:`);
      first = false;
      if (depth + 1 < 2 && member !== null && typeof member === 'object') canonicalJsonPieces(member, emit, depth + 1);
      else emit(canonicalJsonFast(member, depth + 1) as string);
    }
    emit(first ? '{}' : '}');
    return;
  }
  const text = canonicalJsonFast(value, depth) as string | undefined;
  if (text !== undefined) emit(text);
}
