import type { MatchedWords } from './highlight';
import { isKeySlip } from './keyboard';
import { idf, Posting, raise, raiseAll } from './postings';
import { stem } from './stem';
import { MATCH_FACTOR } from './field-weights';
import { hasStem, type TermIndex } from './term-index';
import { allowedEdits } from './trie';

const PREFIX_LIMIT = 200;
const SHORT_PREFIX_LIMIT = 20;

/** What a query matched, collected while scoring (the highlights of the hits). */
export interface Matched extends MatchedWords {
  terms: Set<string>;
  stems: Set<string>;
}

/** What a correction counts for: a slip onto the next key more than any other single edit. */
export function typoFactor(typed: string, term: string, distance: number): number {
  if (distance > 1) return MATCH_FACTOR.typo2;
  return isKeySlip(typed, term) ? MATCH_FACTOR.keySlip : MATCH_FACTOR.typo1;
}

/**
 * Best score per document for one query word, over every way the word can match: exactly, as a
 * prefix of longer words (the delegate is still typing), within a typo or two, by its stem, split
 * into two indexed halves, letters and digits apart, and as an acronym through the glossary.
 */
export function scoreWord(index: TermIndex, word: string, n: number, matched: Matched, conceptIdf = Infinity, masks?: readonly string[][]): Float32Array {
  const scores = index.scores();
  const use = (term: string, factor: number) => {
    const posting = index.posting(term);
    if (!posting) return;
    matched.terms.add(term);
    raise(scores, posting, factor * index.idf(posting));
  };
  // A word of the term list weighs what its concept weighs: a spelling the dataset rarely uses
  // must not make its few documents outrank those using the common one.
  const exact = unmasked(index, word, index.posting(word), masks);
  if (exact) {
    matched.terms.add(word);
    raise(scores, exact, MATCH_FACTOR.exact * Math.min(conceptIdf, index.idf(exact)));
  }

  // Completions and corrections of one word share one idf (the commonest one's): which of
  // them the delegate meant is unknown, so a rare neighbour must not outrank a common one.
  const groupIdf = (candidates: readonly string[], cap = Infinity) => {
    let df = 0;
    for (const term of candidates) df = Math.max(df, index.df(term));
    return Math.min(cap, idf(df, index.size));
  };
  const useAll = (term: string, factor: number, shared: number) => {
    const posting = index.posting(term);
    if (!posting) return;
    matched.terms.add(term);
    raise(scores, posting, factor * shared);
  };

  // One letter is too little to expand (every word starting with "s"); two letters expand a little.
  const prefixLimit = word.length <= 1 ? 0 : word.length === 2 ? SHORT_PREFIX_LIMIT : PREFIX_LIMIT;
  const completions = prefixLimit > 0 ? index.vocab.withPrefix(word, prefixLimit).filter((t) => t !== word) : [];
  const completionIdf = groupIdf(completions);
  for (const term of completions) useAll(term, MATCH_FACTOR.prefix * (0.6 + (0.4 * word.length) / term.length), completionIdf);

  const edits = allowedEdits(word.length);
  const typos = edits > 0 ? index.vocab.near(word, edits).filter((t) => t.term !== word) : [];
  // A term-list word's misspellings are often its other languages' spellings (kesihatan,
  // kesehatan): they weigh no more than its concept.
  const typoIdf = groupIdf(typos.map((t) => t.term), conceptIdf);
  // Between equally near corrections, the commoner word is the likelier one meant.
  const maxDf = typos.reduce((m, t) => Math.max(m, index.df(t.term)), 1);
  for (const { term, distance } of typos) {
    const common = 0.75 + (0.25 * index.df(term)) / maxDf;
    useAll(term, typoFactor(word, term, distance) * common, typoIdf);
  }

  if (hasStem(word)) {
    const root = stem(word);
    const posting = unmasked(index, word, index.stemPosting(root), masks);
    if (posting) {
      matched.stems.add(root);
      raise(scores, posting, MATCH_FACTOR.stem * Math.min(conceptIdf, index.idf(posting)));
    }
  }

  // "kerjasama" finds "kerja sama": both halves present in the document.
  if (word.length >= 6) {
    for (let cut = 3; cut <= word.length - 3; cut++) {
      const left = index.posting(word.slice(0, cut));
      const right = index.posting(word.slice(cut));
      if (!left || !right) continue;
      matched.terms.add(word.slice(0, cut)).add(word.slice(cut));
      raiseAll(scores, [left, right], MATCH_FACTOR.compound * ((index.idf(left) + index.idf(right)) / 2), n);
    }
  }

  // "admm2025", "cop30": letters and digits typed together find them written apart.
  const parts = word.match(/\p{L}+|\p{N}+/gu) ?? [];
  if (parts.length > 1) raisePhrase(index, scores, parts, MATCH_FACTOR.compound, n, matched.terms);

  // An acronym (typed exactly or with one typo) also finds its aliases and its spelled-out name.
  // Typo'd acronyms count only when the word itself is no acronym: "asoen" must not also
  // expand "asean"-like neighbours. A corrected acronym's expansions count as little as the
  // correction itself.
  const exactEntries = index.glossary.forAcronym(word).length > 0;
  const acronyms = exactEntries ? [word] : [word, ...typos.filter((t) => t.distance === 1).map((t) => t.term)];
  for (const acronym of acronyms) {
    const discount = acronym === word ? 1 : typoFactor(word, acronym, 1);
    for (const entry of index.glossary.forAcronym(acronym)) {
      for (const alias of entry.acronyms) if (alias !== word) use(alias, MATCH_FACTOR.glossaryAlias * discount);
      for (const name of entry.names) raisePhrase(index, scores, name, MATCH_FACTOR.glossaryName * discount, n, matched.terms);
    }
  }
  return scores;
}

/** Documents holding every word of `words` score the weakest word's weight, times the mean idf. */
export function raisePhrase(index: TermIndex, scores: Float32Array, words: readonly string[], factor: number, n: number, matched: Set<string>, maxIdf = Infinity): void {
  const postings = words.map((w) => index.posting(w));
  if (postings.some((p) => !p)) return;
  const found = postings as Posting[];
  for (const w of words) matched.add(w);
  const meanIdf = found.reduce((sum, p) => sum + index.idf(p), 0) / found.length;
  raiseAll(scores, found, factor * Math.min(maxIdf, meanIdf), n);
}

/**
 * Documents (an upper bound) holding a term-list form: a word's own or its stem's posting, a
 * phrase's rarest word's.
 */
export function formDf(index: TermIndex, phrase: readonly string[]): number {
  if (phrase.length === 1) {
    const word = phrase[0]!;
    return Math.max(index.df(word), hasStem(word) ? (index.stemPosting(stem(word))?.length ?? 0) : 0);
  }
  return Math.min(...phrase.map((w) => index.df(w)));
}

/** Scores of a term-list form: a word exactly or by its stem, a phrase by all its words; no idf above `conceptIdf`. */
export function phraseScores(index: TermIndex, phrase: readonly string[], n: number, matched: Matched, conceptIdf = Infinity, masks?: readonly string[][]): Float32Array | undefined {
  if (phrase.length === 1) {
    const word = phrase[0]!;
    const posting = unmasked(index, word, index.posting(word), masks);
    const root = hasStem(word) ? stem(word) : undefined;
    const stemmed = root === undefined ? undefined : unmasked(index, word, index.stemPosting(root), masks);
    if (!posting && !stemmed) return undefined;
    const scores = index.scores();
    if (stemmed) {
      matched.stems.add(root!);
      raise(scores, stemmed, MATCH_FACTOR.stem * Math.min(conceptIdf, index.idf(stemmed)));
    }
    if (posting) {
      matched.terms.add(word);
      raise(scores, posting, Math.min(conceptIdf, index.idf(posting)));
    }
    return scores;
  }
  if (phrase.some((w) => !index.posting(w))) return undefined;
  const scores = index.scores();
  raisePhrase(index, scores, phrase, 1, n, matched.terms, conceptIdf);
  return scores;
}

/**
 * A one-word form's posting with the documents that hold it as a word of another concept's
 * longer form (`masks`, Thesaurus: "tenaga" in "tenaga kerja") counted for MATCH_FACTOR.masked.
 * Postings hold no positions: a document counts as using the word that way when it holds every
 * other word of the longer form at least as heavily as the word itself (a document with
 * "tenaga" in its title and "kerja" only in its text still counts fully). The posting itself
 * when nothing is masked.
 */
export function unmasked(index: TermIndex, word: string, posting: Posting | undefined, masks: readonly string[][] | undefined): Posting | undefined {
  if (!posting || !masks || masks.length === 0) return posting;
  let out: Posting | undefined;
  for (const phrase of masks) {
    const others = phrase.filter((w) => w !== word).map((w) => index.posting(w));
    if (others.length === 0 || others.some((p) => !p)) continue;
    // The weakest weight of the other words in each of the word's documents (0: one is
    // missing), by walking the postings side by side: both are in document order. Float64, as
    // the weights are: a Float32 copy can round an equal weight below the word's own, and a
    // document holding both words equally (both in its title) would then go unmasked.
    const held = new Float64Array(posting.length);
    for (const other of others as Posting[]) {
      let j = 0;
      for (let i = 0; i < posting.length; i++) {
        const num = posting.nums[i]!;
        while (j < other.length && other.nums[j]! < num) j++;
        const w = j < other.length && other.nums[j] === num ? other.weights[j]! : 0;
        if (held[i] === 0 && other !== others[0]) continue;
        held[i] = other === others[0] ? w : Math.min(held[i]!, w);
      }
    }
    for (let i = 0; i < posting.length; i++) {
      if (held[i]! > 0 && posting.weights[i]! <= held[i]!) {
        out ??= copyPosting(posting);
        out.weights[i] = posting.weights[i]! * MATCH_FACTOR.masked;
      }
    }
  }
  return out ?? posting;
}

function copyPosting(posting: Posting): Posting {
  const copy = new Posting();
  for (let i = 0; i < posting.length; i++) copy.push(posting.nums[i]!, posting.weights[i]!);
  return copy;
}
