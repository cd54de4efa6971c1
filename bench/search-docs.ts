/**
 * 50k synthetic search documents for the search benchmark: bodies with acronyms and names,
 * meetings, agenda items and notes in English, Malay and Indonesian. Self-contained (no imports,
 * no closures) because it is also sent to the browser as source.
 */
export function syntheticSearchDocs(count: number) {
  const words = ['environment', 'haze', 'pollution', 'cooperation', 'kerjasama', 'perlindungan', 'pekerja', 'migran', 'keselamatan', 'maritime', 'security', 'defence', 'pertahanan', 'energy', 'mineral', 'tenaga', 'biodiversity', 'climate', 'perubahan', 'iklim', 'women', 'children', 'perempuan', 'anak', 'education', 'pendidikan', 'health', 'kesihatan', 'disaster', 'bencana', 'cyber', 'artificial', 'intelligence', 'peatland', 'fisheries', 'trade', 'digital', 'tourism', 'culture', 'kebudayaan', 'youth', 'belia', 'labour', 'social', 'welfare', 'rural', 'poverty', 'science', 'technology', 'information'];
  const places = ['Langkawi', 'Pulau Pinang', 'Bali', 'Hà Nội', 'Vientiane', 'Manila', 'Bangkok', 'Jakarta', 'Phnom Penh', 'Bandar Seri Begawan', 'Yangon', 'Singapore', 'Đà Nẵng'];
  const pick = (i: number, k: number) => words[(i * 7 + k * 13) % words.length]!;
  const docs = [];
  for (let i = 0; i < count; i++) {
    const kindRoll = i % 20;
    const phrase = `${pick(i, 1)} ${pick(i, 2)} ${pick(i, 3)}`;
    if (kindRoll === 0) {
      docs.push({ kind: 'body', id: `b${i}`, href: `/bodies/b${i}`, acronyms: [`SYN${i}`], glossary: true, title: { en: `Working Group on ${phrase} ${i}`, ms: `Kumpulan Kerja ${pick(i, 4)} ${i}` }, text: [`Reports on ${pick(i, 5)} and ${pick(i, 6)}.`] });
    } else if (kindRoll < 12) {
      docs.push({ kind: 'meeting', id: `m${i}`, href: `/meetings/m${i}`, acronyms: [`SYN${i % 997}-${i % 40}`], title: { en: `Meeting on ${phrase}`, id: `Pertemuan ${pick(i, 7)} ${pick(i, 8)}` }, keywords: [places[i % places.length]!], text: [`The ${i}th meeting discussed ${pick(i, 9)}, ${pick(i, 10)} and ${pick(i, 11)} with partners.`], date: `20${10 + (i % 16)}-0${1 + (i % 9)}-1${i % 9}` });
    } else if (kindRoll < 18) {
      docs.push({ kind: 'agendaItem', id: `a${i}`, href: `/meetings/m${i - 1}`, title: { ms: `Sesi ${pick(i, 12)} dan ${pick(i, 13)}`, en: `Session on ${pick(i, 12)} and ${pick(i, 13)}` }, text: [`Dialog ${pick(i, 14)} bersama rakan dialog ${i}.`] });
    } else {
      docs.push({ kind: 'note', id: `n${i}`, href: `/briefings/n${i}`, title: `Talking point ${i}: ${phrase}`, text: [`Delegation supports ${pick(i, 15)} and asks about ${pick(i, 16)} ${pick(i, 17)} in ${places[(i * 3) % places.length]!}.`] });
    }
  }
  return docs;
}

/** Queries a delegate types: acronyms, words, typos, prefixes, Malay forms, accents. */
export const BENCH_QUERIES = ['syn42', 'asoen', 'environment', 'envrionment', 'perlindungan', 'lindung', 'kerja sama', 'ha noi', 'Hà Nội', 'pertemuan iklim', 'haze poll', 'talking point', 'cyb', 'artifical inteligence', 'pekerja migran', 'meeting on climate', 'se', 'working group', 'bali 2024', 'pulau'];
