/** Field weights: a word in an acronym or title says more about a document than one in its text. */
export const FIELD_WEIGHT = { acronym: 20, title: 6, keyword: 3, text: 1 } as const;

/**
 * Which fields' weights are divided by the document's length (BM25F gives each field its own
 * length normalisation). Keywords are facts of their own (a venue, a person, a date): a
 * meeting's city says as much in a record rich in description as in a bare one.
 */
export const LENGTH_NORMALISED = { title: true, keyword: false, text: true } as const;

/**
 * How much a match counts, by how it matched: exact > term list > stem > prefix > typo. `masked`
 * multiplies a one-word form where the document holds it as a word of another concept's longer
 * form (Malay "tenaga", energy, in "tenaga kerja", labour: word-scores.ts `unmasked`).
 */
export const MATCH_FACTOR = { exact: 1, masked: 0.15, glossaryAlias: 0.9, synonym: 0.85, glossaryName: 0.8, compound: 0.75, stem: 0.7, prefix: 0.55, fuzzySynonym: 0.45, keySlip: 0.6, typo1: 0.4, typo2: 0.28 } as const;

/**
 * What a kind of record weighs against others matching as well: a body (what a delegate looks up
 * by its subject, acronym or name) and a framework before the meetings, agenda items, targets and
 * sources that mention the same words. A prior on the score, not a filter; unknown kinds weigh 1.
 */
export const KIND_PRIOR: Readonly<Record<string, number>> = { body: 1.35, framework: 1.2, meeting: 1.1 };
