/**
 * Synthetic datasets for the benchmark, generated inside the page (this function is sent to
 * the browser as source, so it must stay self-contained: no imports, no closures).
 * Records come out in their stored form (provenance and derived index fields included), the
 * same form the app's own install writes; a unit test checks the two agree.
 */
export interface SyntheticCounts {
  meetings: number;
  bodies: number;
  agendaItems: number;
  frameworks: number;
  targets: number;
  sources: number;
}

export function countsFor(total: number): SyntheticCounts {
  const bodies = Math.max(20, Math.round(total * 0.005));
  const sources = Math.max(10, Math.round(total * 0.002));
  const frameworks = Math.max(5, Math.round(total * 0.0005));
  const targets = Math.max(20, Math.round(total * 0.005));
  const agendaItems = Math.max(50, Math.round(total * 0.02));
  const meetings = total - bodies - sources - frameworks - targets - agendaItems;
  return { meetings, bodies, agendaItems, frameworks, targets, sources };
}

export function generateSynthetic(counts: SyntheticCounts, datasetId: string) {
  const prov = { datasetId, version: 1, hash: 'synthetic' };
  const countries = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'];
  const levels = ['ministerial', 'senior-officials', 'committee', 'working-group', 'task-force'];
  const pillars = ['political-security', 'economic', 'socio-cultural'];
  const pad = (n: number) => String(n).padStart(2, '0');
  const sourceId = (i: number) => `syn-src-${i % counts.sources}`;
  const cite = (i: number) => [{ sourceId: sourceId(i), quote: `Petikan sintetik ${i}` }];

  const sources = Array.from({ length: counts.sources }, (_, i) => ({
    id: `syn-src-${i}`,
    title: { ms: `Kenyataan media sintetik ${i}`, en: `Synthetic media statement ${i}` },
    kind: 'press-release',
    publisher: 'Synthetic publisher',
    date: `20${pad(10 + (i % 16))}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`,
    language: 'ms',
    excerpt: `Teks asal sintetik bagi dokumen ${i}.`,
    prov,
    sourceIds: [],
  }));
  const bodies = Array.from({ length: counts.bodies }, (_, i) => {
    const level = levels[Math.min(levels.length - 1, Math.floor(Math.log2(i + 1)))]!;
    const parent = i === 0 ? [] : [`syn-body-${Math.floor((i - 1) / 3)}`];
    return {
      id: `syn-body-${i}`,
      acronym: `SYN${i}`,
      aliases: [],
      name: { en: `Synthetic ${level} body ${i}` },
      level,
      pillar: pillars[i % pillars.length],
      reportsTo: i < pillars.length ? [] : parent,
      dialogueFormats: [],
      focalPoints: [],
      sources: cite(i),
      prov,
      sourceIds: [sourceId(i)],
    };
  });
  const meetings = Array.from({ length: counts.meetings }, (_, i) => {
    const year = 2000 + (i % 30);
    const month = 1 + (Math.floor(i / 30) % 12);
    const day = 1 + (Math.floor(i / 360) % 25);
    const start = `${year}-${pad(month)}-${pad(day)}`;
    const end = `${year}-${pad(month)}-${pad(day + 3)}`;
    const country = countries[i % countries.length]!;
    const body = `syn-body-${i % counts.bodies}`;
    return {
      id: `syn-meeting-${i}`,
      series: `syn-series-${i % counts.bodies}`,
      number: Math.floor(i / counts.bodies) + 1,
      code: `SYN-${i}`,
      bodyIds: [body],
      title: { en: `Synthetic meeting ${i} of body ${i % counts.bodies}` },
      startDate: start,
      endDate: end,
      venue: { city: `City ${i % 97}`, country },
      host: { country },
      coChairs: [],
      days: [1, 2, 3, 4].map((d) => ({ day: d, date: `${year}-${pad(month)}-${pad(day + d - 1)}` })),
      backToBackMeetingIds: [],
      status: 'held',
      sources: cite(i),
      prov,
      sourceIds: [sourceId(i)],
      from: start,
      until: end,
      country,
      outcomeDocumentIds: [],
    };
  });
  const agendaItems = Array.from({ length: counts.agendaItems }, (_, i) => ({
    id: `syn-item-${i}`,
    meetingId: `syn-meeting-${i % counts.meetings}`,
    day: 1 + (i % 4),
    order: i,
    title: { en: `Synthetic agenda item ${i}` },
    kind: 'plenary',
    bodyIds: [`syn-body-${i % counts.bodies}`],
    partners: [],
    coChairs: [],
    sources: cite(i),
    prov,
    sourceIds: [sourceId(i)],
  }));
  const frameworks = Array.from({ length: counts.frameworks }, (_, i) => ({
    id: `syn-fw-${i}`,
    title: { en: `Synthetic work plan ${i}` },
    kind: 'work-plan',
    ownerBodyIds: [`syn-body-${i % counts.bodies}`],
    sources: cite(i),
    prov,
    sourceIds: [sourceId(i)],
  }));
  const targets = Array.from({ length: counts.targets }, (_, i) => ({
    id: `syn-target-${i}`,
    frameworkId: `syn-fw-${i % counts.frameworks}`,
    code: String(1 + Math.floor(i / counts.frameworks)),
    order: Math.floor(i / counts.frameworks),
    text: { en: `Synthetic priority ${i}` },
    ownerBodyIds: [`syn-body-${i % counts.bodies}`],
    meetingIds: [`syn-meeting-${i % counts.meetings}`],
    progress: { status: 'not-reported' },
    sources: cite(i),
    prov,
    sourceIds: [sourceId(i)],
  }));
  // No contacts (record schema 4): a kind with no records is left out of bundles, so bundle benchmarks compare across versions.
  return { sources, bodies, meetings, agendaItems, frameworks, targets, contacts: [] as never[] };
}
