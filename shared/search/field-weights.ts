/** Field weights: a word in an acronym or title says more about a document than one in its text. */
export const FIELD_WEIGHT = { acronym: 20, title: 6, keyword: 3, text: 1 } as const;

/** How much a match counts, by how it matched: exact > term list > stem > prefix > typo. */
export const MATCH_FACTOR = { exact: 1, glossaryAlias: 0.9, synonym: 0.85, glossaryName: 0.8, compound: 0.75, stem: 0.7, prefix: 0.55, fuzzySynonym: 0.45, keySlip: 0.6, typo1: 0.4, typo2: 0.28 } as const;
