/**
 * A light Malay / Indonesian stemmer (after Nazief–Adriani, without a root dictionary):
 * strips particles, -nya, derivational suffixes and up to two prefix layers, undoing the nasal
 * assimilation of meN- / peN-, so "perlindungan", "pelindungan", "melindungi" all become
 * "lindung" and "bekerja", "pekerjaan" become "kerja". With no dictionary it cannot know a root,
 * so it only strips when what remains still looks like a word (at least four letters, a
 * pronounceable start). Mistakes are tolerable because the same function runs on the index and
 * the query: both sides of a match are stemmed alike, and raw words are matched first anyway.
 */
const VOWEL = /[aeiou]/;
const ONSETS = new Set(['ng', 'ny', 'sy', 'kh', 'tr', 'pr', 'kr', 'pl', 'gr', 'br', 'dr', 'fr', 'kl', 'bl', 'sp', 'st', 'sk', 'sl', 'sw']);
const MIN_ROOT = 4;

function plausible(root: string): boolean {
  if (root.length < MIN_ROOT) return false;
  return VOWEL.test(root[0]!) || VOWEL.test(root[1]!) || ONSETS.has(root.slice(0, 2));
}

function stripSuffixes(word: string): string {
  let w = word;
  for (const particle of ['lah', 'kah', 'tah', 'pun']) {
    if (w.endsWith(particle) && plausible(w.slice(0, -particle.length))) {
      w = w.slice(0, -particle.length);
      break;
    }
  }
  if (w.endsWith('nya') && plausible(w.slice(0, -3))) w = w.slice(0, -3);
  for (const suffix of ['kan', 'an', 'i']) {
    if (w.endsWith(suffix) && plausible(w.slice(0, -suffix.length))) return w.slice(0, -suffix.length);
  }
  return w;
}

/** One prefix layer off, or undefined. Nasal forms restore the root's dropped first letter. */
function stripPrefix(w: string): string | undefined {
  const tryRoot = (root: string) => (plausible(root) ? root : undefined);
  for (const nasal of ['me', 'pe']) {
    if (!w.startsWith(nasal)) continue;
    const rest = w.slice(2);
    if (rest.startsWith('ny') && VOWEL.test(rest[2] ?? '')) return tryRoot(`s${rest.slice(2)}`);
    if (rest.startsWith('ng')) {
      const after = rest.slice(2);
      if (/^[ghk]/.test(after)) return tryRoot(after);
      if (VOWEL.test(after[0] ?? '')) return tryRoot(after);
    }
    if (rest.startsWith('m')) {
      const after = rest.slice(1);
      if (/^[bfpv]/.test(after)) return tryRoot(after);
      if (VOWEL.test(after[0] ?? '')) return tryRoot(`p${after}`);
    }
    if (rest.startsWith('n')) {
      const after = rest.slice(1);
      if (/^[cdjzts]/.test(after)) return tryRoot(after);
      if (VOWEL.test(after[0] ?? '')) return tryRoot(`t${after}`);
    }
    if (nasal === 'pe' && rest.startsWith('r')) {
      const root = tryRoot(rest.slice(1));
      if (root) return root;
    }
    if (/^[lmnrwyk]/.test(rest)) return tryRoot(rest);
  }
  for (const prefix of ['ber', 'ter', 'be', 'di', 'se']) {
    if (w.startsWith(prefix)) {
      const root = tryRoot(w.slice(prefix.length));
      if (root) return root;
    }
  }
  return undefined;
}

export function stem(word: string): string {
  if (word.length < 5 || /\d/.test(word)) return word;
  // ke-...-an is a confix; "ke" alone is too often the start of a root (kerja, kelola).
  if (word.startsWith('ke') && word.endsWith('an') && plausible(word.slice(2, -2))) {
    return stripFurther(word.slice(2, -2));
  }
  return stripFurther(stripSuffixes(word));
}

function stripFurther(word: string): string {
  let w = word;
  for (let layer = 0; layer < 2; layer++) {
    const next = stripPrefix(w);
    if (!next) break;
    w = next;
  }
  return w;
}
