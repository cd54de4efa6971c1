import { STOPWORDS, terms } from './tokenize';
import { allTexts } from './text';
import type { SearchDoc } from './types';

/** Words that start almost every name and so identify none ("ASEAN Senior Officials on ..."). */
const NAME_NOISE = new Set(['asean']);

export interface GlossaryEntry {
  key: string;
  /** Folded acronyms and aliases, multi-word ones joined ("cop aathp" -> "copaathp"). */
  acronyms: string[];
  /** Content words of each name (every language), stopwords dropped. */
  names: string[][];
}

export function acronymForm(acronym: string): string {
  return terms(acronym).join('');
}

function contentWords(text: string): string[] {
  return terms(text).filter((t) => !STOPWORDS.has(t) && !NAME_NOISE.has(t));
}

/**
 * Acronym <-> expansion glossary built from the documents that define one (bodies): "ASOEN"
 * expands to "Senior Officials on Environment" and its Malay name, and the other way round;
 * AWGMRPE and AWGCW lead to each other.
 */
export class Glossary {
  private readonly entries = new Map<string, GlossaryEntry>();
  private readonly byAcronym = new Map<string, Set<string>>();

  add(key: string, doc: SearchDoc): void {
    if (!doc.glossary || !doc.acronyms?.length) return;
    const acronyms = [...new Set(doc.acronyms.map(acronymForm).filter(Boolean))];
    const names = allTexts(doc.title)
      .map(contentWords)
      .filter((words) => words.length > 0);
    this.entries.set(key, { key, acronyms, names });
    for (const acronym of acronyms) {
      let keys = this.byAcronym.get(acronym);
      if (!keys) this.byAcronym.set(acronym, (keys = new Set()));
      keys.add(key);
    }
  }

  remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const acronym of entry.acronyms) this.byAcronym.get(acronym)?.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.byAcronym.clear();
  }

  /** Entries whose acronym or alias is exactly this folded word. */
  forAcronym(term: string): GlossaryEntry[] {
    const keys = this.byAcronym.get(term);
    if (!keys) return [];
    return [...keys].map((k) => this.entries.get(k)!).filter(Boolean);
  }

  /**
   * Entries whose name the query spells out: every content word of the query is in the name
   * (the last may be a prefix, as the delegate is still typing) and covers most of it, so
   * "working group" alone does not pull in every working group.
   */
  forName(queryWords: readonly string[]): GlossaryEntry[] {
    const words = queryWords.filter((w) => !STOPWORDS.has(w) && !NAME_NOISE.has(w));
    if (words.length < 2) return [];
    const found: GlossaryEntry[] = [];
    for (const entry of this.entries.values()) {
      const hit = entry.names.some((name) => {
        const all = words.every((w, i) => name.includes(w) || (i === words.length - 1 && w.length >= 3 && name.some((n) => n.startsWith(w))));
        return all && words.length / name.length >= 0.6;
      });
      if (hit) found.push(entry);
    }
    return found;
  }
}
