import { foldText } from './fold';
import { acronymForm } from './acronym-index';
import { highlightRanges, snippetAround, type MatchedWords } from './highlight';
import { pickDocText, textsByPreference } from './text';
import type { DocText, SearchDoc, SearchHit } from './types';

export interface Entry {
  key: string;
  doc: SearchDoc;
  /** The document's acronyms as one folded word each ("ASOEN-36" -> "asoen36"). */
  acronymForms: string[];
}

/** A document's display form for a query: title in the wanted language, marked words, a snippet showing why it matched. */
export function toHit(entry: Entry, score: number, lang: string, matched: MatchedWords, typed: ReadonlySet<string> = new Set()): SearchHit {
  const { doc, key } = entry;
  const title = pickDocText(doc.title, lang);
  const hit: SearchHit = {
    key,
    kind: doc.kind,
    id: doc.id,
    href: doc.href,
    score,
    title: title.text,
    titleLang: title.lang,
    titleFallback: title.fallback,
    titleRanges: highlightRanges(title.text, matched),
  };
  if (doc.date) hit.date = doc.date;
  if (doc.acronyms?.length) {
    const shown = doc.acronyms.map((a) => ({ a, ranges: highlightRanges(a, matched) }));
    // The acronym the delegate typed, else one that matched, else the main one.
    const best = shown.find((s) => typed.has(acronymForm(s.a))) ?? shown.find((s) => s.ranges.length > 0) ?? shown[0]!;
    hit.acronym = best.a;
    hit.acronymRanges = best.ranges;
  }
  // A snippet shows why a document matched, where the title and acronym do not already say it.
  const shownWords = new Set([
    ...hit.titleRanges.map(([s, e]) => foldText(hit.title.slice(s, e))),
    ...(hit.acronymRanges ?? []).map(([s, e]) => foldText(hit.acronym!.slice(s, e))),
  ]);
  if (matched.terms.size > 0 || matched.stems.size > 0) {
    // First a text holding a word as typed ("ASOEN" in a description), then any expansion of it.
    const parts = [...(doc.keywords ?? []), ...(doc.text ?? [])];
    // A text the record has in the delegate's language is shown in it, never in another language
    // (a Malay reader of "alam sekitar" is not shown the English sector name); other texts may show.
    const inOrder = (part: DocText) => {
      const texts = textsByPreference(part, lang);
      return texts[0] && !texts[0].fallback ? [texts[0]] : texts;
    };
    const candidates = parts.flatMap((part) => inOrder(part).map((p) => ({ p, ranges: highlightRanges(p.text, matched) })));
    const fresh = (x: (typeof candidates)[number], typedOnly: boolean) =>
      x.ranges.some(([s, e]) => {
        const word = foldText(x.p.text.slice(s, e));
        return !shownWords.has(word) && (!typedOnly || typed.has(word));
      });
    const found = candidates.find((x) => fresh(x, true)) ?? candidates.find((x) => fresh(x, false));
    if (found) {
      const { snippet, ranges } = snippetAround(found.p.text, found.ranges);
      hit.snippet = snippet;
      hit.snippetLang = found.p.lang;
      hit.snippetRanges = ranges;
    }
  }
  return hit;
}
