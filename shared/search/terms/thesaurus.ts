import { stem } from '../stem';
import { allowedEdits, Vocabulary } from '../trie';
import type { Gazetteer, TermList } from './schema';
import { formKey } from './validate';

/** Query words `start..end` (exclusive) are a form of a concept; these are its other forms. */
export interface Expansion {
  start: number;
  end: number;
  /** Other forms of the concept(s), each as its folded words. */
  alternatives: string[][];
  /** The concepts (or places) the words were read as. */
  concepts: string[];
  /** Read through a typo ("kesihtan" for kesihatan): counts less. */
  fuzzy: boolean;
  /** The last word read as the start of a form still being typed ("pertahan" for pertahanan): counts as a completion. */
  prefix?: boolean;
  /**
   * For a one-word span: the one-word forms (the typed word and its alternatives) that are also
   * words of another concept's longer form, with those forms ("tenaga" -> [["tenaga", "kerja"]]).
   * In a document holding the longer form, the word is most likely that other concept's.
   */
  masks?: Map<string, string[][]>;
}

interface Group {
  id: string;
  phrases: string[][];
  /** The group's own forms' keys (not the places within it). */
  keys: string[];
  /** A concept's keys by language (places have none). */
  byLang?: Record<string, string[]>;
}

const MAX_PHRASE_WORDS = 12;
const MIN_FUZZY_LENGTH = 5;
const CLITICS = ['nya', 'lah', 'kah', 'pun'];
/** A word being typed is read as the start of a form once it has this many letters... */
const MIN_PREFIX_LENGTH = 4;
/** ...and only when it starts forms of at most this many concepts (else it says too little). */
const MAX_PREFIX_CONCEPTS = 3;

/**
 * Query expansion through the shipped term list and gazetteer: every form of a concept in any of
 * the three languages (or any name of a place) stands for all the others. Lookups are by the
 * folded words of a form; single words also by their stem (kesihatannya -> kesihatan) and, for
 * words of five letters or more, within one typo of a form.
 */
export class Thesaurus {
  private readonly groups: Group[] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly byStem = new Map<string, number[]>();
  private readonly singleWords = new Vocabulary();
  /** Words of multi-word forms long enough to be read through a typo ("hayti" in "keanekaragaman hayti"). */
  private readonly phraseWords = new Vocabulary();
  /** One-word form -> longer forms of other concepts holding it (see `maskingForms`). */
  private readonly masking = new Map<string, string[][]>();
  private longest = 1;

  constructor(list?: TermList, gazetteer?: Gazetteer) {
    for (const concept of list?.concepts ?? []) {
      this.addGroup(concept.id, Object.values(concept.forms).flat());
      this.groups.at(-1)!.byLang = Object.fromEntries(Object.entries(concept.forms).map(([lang, forms]) => [lang, forms.map(formKey).filter(Boolean)]));
    }
    const places = gazetteer?.places ?? [];
    for (const place of places) {
      // A place's group also holds the names of the places within it (found from it, not it from them).
      const inside = places.filter((p) => p.within?.includes(place.id)).flatMap((p) => p.names);
      this.addGroup(`place:${place.id}`, place.names, inside);
    }
    this.findMaskingForms();
  }

  /**
   * A one-word form inside a longer form of ANOTHER concept is, there, a word of that concept:
   * Malay "tenaga" (energy) in "tenaga kerja" (labour) or "guna tenaga" (employment). The other
   * languages tell: where the word's concept is written otherwise (English "energy", Indonesian
   * "energi"), the other concept's forms hold none of those forms ("labour", "ketenagakerjaan"),
   * so the longer form masks the word. It does not when any of its concept's forms holds
   * another form of the word's concept ("renewable energy" holds "energy": a kind of energy),
   * nor when the word is its concept's form in every language (nothing tells: "digital" in
   * "digital economy"). Places (gazetteer names, in no language) neither mask nor are masked.
   * Scoring counts a masked word for little in a document holding the longer form
   * (word-scores.ts `unmasked`), unless the query itself is that form.
   */
  private findMaskingForms(): void {
    const contains = (phrase: string, part: string) => ` ${phrase} `.includes(` ${part} `);
    const concepts = this.groups.filter((g) => g.byLang);
    for (const own of concepts) {
      const langs = Object.entries(own.byLang!);
      for (const word of own.keys) {
        if (word.includes(' ')) continue;
        const telling = langs.filter(([, forms]) => !forms.includes(word));
        if (telling.length === 0) continue;
        const otherForms = own.keys.filter((k) => k !== word);
        for (const other of concepts) {
          if (other === own || other.keys.includes(word)) continue;
          const holders = other.keys.filter((form) => form !== word && contains(form, word));
          if (holders.length === 0) continue;
          const narrows = other.keys.some((k) => otherForms.some((o) => contains(k, o)));
          if (narrows) continue;
          const masks = holders.map((form) => form.split(' '));
          this.masking.set(word, [...(this.masking.get(word) ?? []), ...masks]);
        }
      }
    }
  }

  get size(): number {
    return this.groups.length;
  }

  private addGroup(id: string, forms: string[], foundFromHere: string[] = []): void {
    const index = this.groups.length;
    const keys = [...new Set(forms.map(formKey).filter(Boolean))];
    const inside = [...new Set(foundFromHere.map(formKey).filter((k) => k && !keys.includes(k)))];
    this.groups.push({ id, phrases: [...keys, ...inside].map((k) => k.split(' ')), keys });
    for (const key of keys) {
      const words = key.split(' ');
      this.longest = Math.min(MAX_PHRASE_WORDS, Math.max(this.longest, words.length));
      addTo(this.byKey, key, index);
      if (words.length === 1) {
        this.singleWords.add(key);
        if (key.length >= 5 && !/\d/.test(key)) addTo(this.byStem, stem(key), index);
      } else {
        for (const word of words) if (fuzzyWord(word)) this.phraseWords.add(word);
      }
    }
  }

  /** The forms a query holds, longest first and not overlapping, with what each stands for. */
  expand(words: readonly string[]): Expansion[] {
    const out: Expansion[] = [];
    const near = new Map<string, string[]>();
    let i = 0;
    while (i < words.length) {
      let found: Expansion | undefined;
      for (let len = Math.min(this.longest, words.length - i); len >= 1 && !found; len--) {
        const key = words.slice(i, i + len).join(' ');
        const groups = this.byKey.get(key);
        if (groups) found = this.expansion(i, i + len, groups, key, false);
        else if (len > 1) found = this.phraseWithTypo(words, i, len, near);
      }
      found ??= this.single(i, words[i]!);
      if (found) {
        out.push(found);
        i = found.end;
      } else i++;
    }
    const last = words.length - 1;
    if (last >= 0 && out.at(-1)?.end !== words.length) {
      const typing = this.typing(last, words[last]!);
      if (typing) out.push(typing);
    }
    return out;
  }

  /**
   * Words `start..start+len` as a multi-word form with one of them mistyped (one edit, the
   * others exact): "keanekaragaman hayti" for keanekaragaman hayati. Counts as fuzzy.
   */
  private phraseWithTypo(words: readonly string[], start: number, len: number, near: Map<string, string[]>): Expansion | undefined {
    const window = words.slice(start, start + len);
    for (let p = 0; p < len; p++) {
      const typed = window[p]!;
      if (!fuzzyWord(typed)) continue;
      let candidates = near.get(typed);
      if (!candidates) near.set(typed, (candidates = this.phraseWords.near(typed, 1).flatMap((n) => (n.distance === 1 ? [n.term] : []))));
      for (const candidate of candidates) {
        const key = window.map((w, k) => (k === p ? candidate : w)).join(' ');
        const groups = this.byKey.get(key);
        if (groups) return this.expansion(start, start + len, groups, window.join(' '), true);
      }
    }
    return undefined;
  }

  /** The last word as the start of single-word forms ("kepemu" for kepemudaan, "pertamba" for pertambangan). */
  private typing(i: number, word: string): Expansion | undefined {
    if (word.length < MIN_PREFIX_LENGTH || /\d/.test(word)) return undefined;
    const groups = new Set<number>();
    for (const form of this.singleWords.withPrefix(word, 20)) {
      if (form === word) continue;
      for (const g of this.byKey.get(form) ?? []) groups.add(g);
    }
    if (groups.size === 0 || groups.size > MAX_PREFIX_CONCEPTS) return undefined;
    return { ...this.expansion(i, i + 1, [...groups], word, false), prefix: true };
  }

  /** A word that is no form: perhaps an affixed one, or one typo away from one. */
  private single(i: number, word: string): Expansion | undefined {
    // Particles and -nya on a form: "kesihatannya", "pendidikanlah".
    for (const suffix of CLITICS) {
      const groups = word.length > suffix.length + 3 && word.endsWith(suffix) ? this.byKey.get(word.slice(0, -suffix.length)) : undefined;
      if (groups) return this.expansion(i, i + 1, groups, word, false);
    }
    if (word.length >= 5 && !/\d/.test(word)) {
      const groups = this.byStem.get(stem(word));
      if (groups) return this.expansion(i, i + 1, groups, word, false);
    }
    if (word.length < MIN_FUZZY_LENGTH || /\d/.test(word)) return undefined;
    const near = this.singleWords.near(word, Math.min(1, allowedEdits(word.length))).filter((n) => n.distance === 1);
    if (near.length !== 1) return undefined;
    return this.expansion(i, i + 1, this.byKey.get(near[0]!.term)!, word, true);
  }

  private expansion(start: number, end: number, groups: number[], own: string, fuzzy: boolean): Expansion {
    const seen = new Set<string>([own]);
    const alternatives: string[][] = [];
    for (const g of groups) {
      for (const phrase of this.groups[g]!.phrases) {
        const key = phrase.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        alternatives.push(phrase);
      }
    }
    const found: Expansion = { start, end, alternatives, concepts: groups.map((g) => this.groups[g]!.id), fuzzy };
    if (end - start === 1) {
      const masks = new Map<string, string[][]>();
      for (const form of [own, ...alternatives.filter((a) => a.length === 1).map((a) => a[0]!)]) {
        const by = this.masking.get(form);
        if (by) masks.set(form, by);
      }
      if (masks.size > 0) found.masks = masks;
    }
    return found;
  }

  /** Single-word forms close to `word` (for "did you mean" when nothing matched). */
  closeForms(word: string, maxEdits: number): { term: string; distance: number }[] {
    return this.singleWords.near(word, maxEdits);
  }
}

/** A word long enough, and without digits, to be read through a typo. */
const fuzzyWord = (word: string): boolean => word.length >= MIN_FUZZY_LENGTH && !/\d/.test(word);

function addTo(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (!list.includes(index)) list.push(index);
}
