import { FIELD_WEIGHT, MATCH_FACTOR } from './field-weights';
import { idf, raise, saturate } from './postings';
import type { TermIndex } from './term-index';
import type { Thesaurus } from './terms/thesaurus';
import { formDf, phraseScores, scoreWord, type Matched } from './word-scores';

/** A query scored document by document, before ranking. */
export interface QueryScores {
  /** One array per query word: each document's best score for that word. */
  clauses: Float32Array[];
  /** Scores of documents the whole query names (a body's spelled-out name), or undefined. */
  whole: Float32Array | undefined;
  /** The bodies whose name the query spells out, by number: their own score on top. */
  named: Map<number, number>;
  /** Documents whose acronym or code a query word is exactly. */
  bonus: Float32Array | undefined;
}

/** Every way each query word, pair of words and the whole query can match, scored per document. */
export function scoreQuery(index: TermIndex, words: readonly string[], thesaurus: Thesaurus | undefined, matched: Matched): QueryScores {
  const n = index.slots;
  // A concept's forms share one idf, its commonest form's (as Lucene's SynonymQuery blends
  // them): "kesihatan" weighs what health weighs, whichever spelling a document uses.
  const expansions = thesaurus?.expand(words) ?? [];
  const conceptIdf = expansions.map((e) => {
    let df = 0;
    for (let i = e.start; i < e.end; i++) df = Math.max(df, formDf(index, [words[i]!]));
    for (const phrase of e.alternatives) df = Math.max(df, formDf(index, phrase));
    return idf(df, index.size);
  });
  const wordIdf = words.map((_, i) => {
    const e = expansions.findIndex((x) => x.start <= i && i < x.end && x.end - x.start === 1 && !x.fuzzy && !x.prefix);
    return e < 0 ? Infinity : conceptIdf[e]!;
  });
  // A word read as a one-word form counts little where a document holds it inside another
  // concept's longer form ("tenaga" in "tenaga kerja"; Thesaurus `masks`).
  const wordMasks = words.map((word, i) => expansions.find((x) => x.start === i && x.end === i + 1)?.masks?.get(word));
  const clauses = words.map((word, i) => scoreWord(index, word, n, matched, wordIdf[i], wordMasks[i]));

  // "kerja sama" finds "kerjasama", "cop 30" finds "COP30": a joined pair satisfies both words.
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = words[i]! + words[i + 1]!;
    const posting = index.posting(joined);
    if (!posting) continue;
    matched.terms.add(joined);
    const factor = MATCH_FACTOR.compound * index.idf(posting);
    raise(clauses[i]!, posting, factor);
    raise(clauses[i + 1]!, posting, factor);
  }

  // "alam sekitar" finds "environment", "Jepun" finds "Japan": the term list's other forms of each span.
  expansions.forEach((expansion, e) => {
    const factor = expansion.prefix ? MATCH_FACTOR.prefix : expansion.fuzzy ? MATCH_FACTOR.fuzzySynonym : MATCH_FACTOR.synonym;
    for (const phrase of expansion.alternatives) {
      const masks = phrase.length === 1 ? expansion.masks?.get(phrase[0]!) : undefined;
      const scores = phraseScores(index, phrase, n, matched, conceptIdf[e], masks);
      if (!scores) continue;
      for (let i = expansion.start; i < expansion.end; i++) raiseArray(clauses[i]!, scores, factor);
      index.returnLastScores();
    }
  });

  // "Senior Officials on Environment" finds what says "ASOEN": the whole query stands for the acronym.
  let whole: Float32Array | undefined;
  const named = new Map<number, number>();
  for (const entry of index.glossary.forName(words)) {
    for (const acronym of entry.acronyms) {
      const posting = index.posting(acronym);
      if (!posting) continue;
      matched.terms.add(acronym);
      whole ??= index.scores();
      raise(whole, posting, MATCH_FACTOR.glossaryName * words.length * index.idf(posting));
      // The body the name belongs to comes before what merely mentions its acronym.
      const own = index.byKey.get(entry.key);
      if (own !== undefined) named.set(own, Math.max(named.get(own) ?? 0, saturate(FIELD_WEIGHT.acronym) * index.idf(posting)));
    }
  }

  // A word that is exactly a document's acronym or code names that document.
  let bonus: Float32Array | undefined;
  for (const word of words) {
    const posting = index.posting(word);
    const owners = index.byAcronymForm.get(word);
    if (!posting || !owners) continue;
    bonus ??= index.scores();
    const value = saturate(FIELD_WEIGHT.acronym) * index.idf(posting);
    for (const num of owners) bonus[num] = bonus[num]! + value;
  }
  return { clauses, whole, named, bonus };
}

function raiseArray(scores: Float32Array, from: Float32Array, factor: number): void {
  for (let i = 0; i < from.length; i++) {
    const s = from[i]! * factor;
    if (s > scores[i]!) scores[i] = s;
  }
}
