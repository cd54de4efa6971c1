import gazetteerJson from '../../../assets/terms/places.json';
import termsJson from '../../../assets/terms/terms.json';
import { Gazetteer, TermList } from './schema';
import { Thesaurus } from './thesaurus';

let shipped: Thesaurus | undefined;

/** The thesaurus of the shipped term list and gazetteer (parsed and checked once, on first use). */
export function shippedThesaurus(): Thesaurus {
  shipped ??= new Thesaurus(TermList.parse(termsJson), Gazetteer.parse(gazetteerJson));
  return shipped;
}
