export { Concept, TermList, Place, Gazetteer } from './schema';
export { termListProblems, gazetteerProblems, formKey } from './validate';
export { Thesaurus, type Expansion } from './thesaurus';
export { shippedThesaurus } from './shipped';
