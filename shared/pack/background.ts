import type { Source } from '../model';

/*
 * The background a new brief is pre-filled with (shared/briefing/create.ts) names a bullet's
 * sources after it, "(Source: <title>)", and chairs by country code ("chair: PH"). In a pack the
 * sources are numbered once for the whole background instead, and a country is named in the
 * pack's language. Only those exact pre-filled forms are changed; anything else the delegate
 * wrote is printed as written. Sources are only taken out where the pack numbers them.
 */

const SOURCE_LEAD = ' (Source: ';
const CHAIR_CODE = /\b(chair: |Chaired by )([A-Z]{2}(?: and [A-Z]{2})*)(?=;|$| )/g;

export interface PrintedBackground {
  text: string;
  /** Sources named by the lines whose "(Source: …)" was taken out, in order. */
  sourceIds: string[];
}

export function printedBackground(text: string, sources: readonly Source[], options: { cite: boolean; country: (code: string) => string; title: (source: Source) => string }): PrintedBackground {
  const byTitle = new Map<string, string>();
  for (const source of sources) for (const title of Object.values(source.title)) if (title) byTitle.set(title, source.id);
  // The pre-filled text is in English whatever the pack language: its titles are the English ones.
  for (const source of sources) byTitle.set(options.title(source), source.id);
  const sourceIds: string[] = [];
  const lines = text.split('\n').map((line) => {
    let out = line.replace(CHAIR_CODE, (whole, lead: string, codes: string) => {
      const names = codes.split(' and ').map((code) => options.country(code));
      return names.some((name, i) => name === codes.split(' and ')[i]) ? whole : `${lead}${names.join(' and ')}`;
    });
    // Titles may hold parentheses themselves: the suffix is the last " (Source: " up to the closing one at the end.
    const at = out.lastIndexOf(SOURCE_LEAD);
    if (options.cite && at >= 0 && out.endsWith(')')) {
      const ids = out.slice(at + SOURCE_LEAD.length, -1).split('; ').map((title) => byTitle.get(title));
      if (ids.every((id) => id !== undefined)) {
        for (const id of ids) if (!sourceIds.includes(id)) sourceIds.push(id);
        out = out.slice(0, at);
      }
    }
    return out;
  });
  return { text: lines.join('\n'), sourceIds };
}
