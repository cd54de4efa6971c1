import { terms } from '../tokenize';
import type { Gazetteer, TermList } from './schema';

/** The folded words of a form joined by one space: the key forms are compared and looked up by. */
export function formKey(form: string): string {
  return terms(form).join(' ');
}

/**
 * Problems in a term list the schema cannot see: duplicate concept ids, a form that folds to
 * nothing, a form claimed by two concepts that do not name each other in `sharedWith`, and
 * `sharedWith` naming an unknown concept. An empty list means the list is sound.
 */
export function termListProblems(list: TermList): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const concept of list.concepts) {
    if (ids.has(concept.id)) problems.push(`duplicate concept id "${concept.id}"`);
    ids.add(concept.id);
  }
  const byConcept = new Map(list.concepts.map((c) => [c.id, c]));
  const owners = new Map<string, Set<string>>();
  for (const concept of list.concepts) {
    for (const other of concept.sharedWith ?? []) {
      if (!byConcept.has(other)) problems.push(`"${concept.id}" is marked as sharing a form with unknown concept "${other}"`);
    }
    for (const [lang, forms] of Object.entries(concept.forms)) {
      for (const form of forms) {
        const key = formKey(form);
        if (!key) problems.push(`"${concept.id}" has a ${lang} form with no letters or digits: "${form}"`);
        let set = owners.get(key);
        if (!set) owners.set(key, (set = new Set()));
        set.add(concept.id);
      }
    }
  }
  for (const [key, set] of owners) {
    const list = [...set];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = byConcept.get(list[i]!)!;
        const b = byConcept.get(list[j]!)!;
        const marked = a.sharedWith?.includes(b.id) && b.sharedWith?.includes(a.id);
        if (!marked) problems.push(`form "${key}" is claimed by "${a.id}" and "${b.id}", which do not mark it as shared`);
      }
    }
  }
  return problems;
}

/** Duplicate place ids and a name given to two places. */
export function gazetteerProblems(gazetteer: Gazetteer): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const names = new Map<string, string>();
  for (const place of gazetteer.places) {
    if (ids.has(place.id)) problems.push(`duplicate place id "${place.id}"`);
    ids.add(place.id);
    for (const name of place.names) {
      const key = formKey(name);
      if (!key) problems.push(`"${place.id}" has a name with no letters or digits: "${name}"`);
      const owner = names.get(key);
      if (owner && owner !== place.id) problems.push(`name "${key}" belongs to both "${owner}" and "${place.id}"`);
      names.set(key, place.id);
    }
  }
  const byId = new Map(gazetteer.places.map((p) => [p.id, p]));
  for (const place of gazetteer.places) {
    for (const outer of place.within ?? []) {
      const container = byId.get(outer);
      if (!container) problems.push(`"${place.id}" lies within unknown place "${outer}"`);
      else if (outer === place.id) problems.push(`"${place.id}" lies within itself`);
      else if (container.country !== place.country) problems.push(`"${place.id}" (${place.country}) lies within "${outer}" of another country (${container.country})`);
    }
  }
  return problems;
}
