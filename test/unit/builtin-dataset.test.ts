import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sources from '../../assets/dataset/sources.json';
import bodies from '../../assets/dataset/bodies.json';
import meetings from '../../assets/dataset/meetings.json';
import agendaItems from '../../assets/dataset/agenda-items.json';
import frameworks from '../../assets/dataset/frameworks.json';
import targets from '../../assets/dataset/targets.json';
import manifest from '../../assets/dataset/manifest.json';
import { validateDataset, formatProblem } from '../../shared/dataset/validate';
import { DatasetManifest } from '../../shared/dataset/manifest';
import type { DatasetRecords } from '../../shared/model';

const raw = { sources, bodies, meetings, agendaItems, frameworks, targets };

function load(): DatasetRecords {
  const result = validateDataset(raw);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.records;
}

/** The seed documents live next to the repository, in ../shared/seeds. */
const seedDir = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
const SEED_PREFIX: Record<string, string> = {
  'src-asoen-36-media-statement': '000_',
  'src-admm-retreat-2025-press': '001_',
  'src-jwg-11-mineral-press': '002_',
  'src-ascc-overview-id': '003_',
};
const normalise = (s: string) => s.replace(/\s+/g, ' ');

describe('built-in dataset', () => {
  it('validates (schema, references, dates, acronyms)', () => {
    const result = validateDataset(raw);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    expect(DatasetManifest.safeParse(manifest).success).toBe(true);
  });

  it('cites a quote on every citation', () => {
    const records = load();
    const all = [...records.bodies, ...records.meetings, ...records.agendaItems, ...records.frameworks, ...records.targets];
    for (const record of all) {
      expect(record.sources.length, record.id).toBeGreaterThan(0);
      for (const citation of record.sources) expect(citation.quote, record.id).toBeTruthy();
    }
  });

  it('gives ASOEN-36 four dated days, with AJDEC on day 3 co-chaired by Singapore and Malaysia', () => {
    const records = load();
    const asoen36 = records.meetings.find((m) => m.id === 'asoen-36');
    expect(asoen36).toBeDefined();
    expect(asoen36!.days.map((d) => d.day)).toEqual([1, 2, 3, 4]);
    expect(asoen36!.days.map((d) => d.date)).toEqual(['2025-07-28', '2025-07-29', '2025-07-30', '2025-07-31']);
    expect(asoen36!.chair?.country).toBe('PH');
    expect(asoen36!.participants?.countries).toHaveLength(10);

    const day3 = records.agendaItems.filter((i) => i.meetingId === 'asoen-36' && i.day === 3);
    const ajdec = day3.find((i) => i.title.en?.includes('AJDEC'));
    expect(ajdec).toBeDefined();
    expect(ajdec!.kind).toBe('dialogue');
    expect(ajdec!.partners).toEqual(['Japan']);
    expect(ajdec!.coChairs.map((c) => c.country).sort()).toEqual(['MY', 'SG']);
    expect(day3.flatMap((i) => i.partners).sort()).toEqual(['EU', 'Japan', 'ROK', 'US']);
  });

  it('has exactly five ADMM/ADSOM 2025 deliverables coded a-e', () => {
    const records = load();
    const deliverables = records.targets
      .filter((t) => t.frameworkId === 'admm-2025-deliverables')
      .sort((a, b) => a.order - b.order);
    expect(deliverables.map((t) => t.code)).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const t of deliverables) {
      expect(t.text.ms).toBeTruthy();
      expect(t.text.en).toBeTruthy();
      expect(t.meetingIds).toEqual(['admm-retreat-2025', 'adsom-2025', 'admm-2025']);
    }
  });

  it('has the seven visions of the ACW Work Plan 2021-2025', () => {
    const records = load();
    const visions = records.targets.filter((t) => t.frameworkId === 'acw-work-plan-2021-2025');
    expect(visions).toHaveLength(7);
    expect(visions.map((t) => t.code).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('records the chemicals-and-waste working group once, under both acronyms', () => {
    const records = load();
    const byAcronym = (acronym: string) =>
      records.bodies.filter((b) => [b.acronym, ...b.aliases].some((a) => a.toUpperCase() === acronym));
    const a = byAcronym('AWGMRPE');
    const b = byAcronym('AWGCW');
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]!.id).toBe(b[0]!.id);
    expect(a[0]!.reportsTo).toEqual(['asoen']);
    expect(records.bodies.filter((x) => x.reportsTo.includes('asoen') && x.level === 'working-group')).toHaveLength(7);
  });

  it('lists the 11th JWG associated meetings in the order the press release gives', () => {
    const records = load();
    const items = records.agendaItems.filter((i) => i.meetingId === 'jwg-amc-11').sort((a, b) => a.order - b.order);
    expect(items.map((i) => i.kind)).toEqual([
      'workshop',
      'working-group',
      'task-force',
      'working-group',
      'working-group',
      'working-group',
      'working-group',
      'steering-committee',
    ]);
    expect(items.map((i) => i.bodyIds[0] ?? null)).toEqual([
      null,
      'jwg-amc',
      'amcap-tf',
      'wgtim',
      'wgcbm',
      'wgsmd',
      'wgmid',
      'ackcm-psc',
    ]);
    expect(items.every((i) => i.day === undefined)).toBe(true);
  });

  it.skipIf(!existsSync(seedDir))('quotes every citation and excerpt verbatim from its seed document', () => {
    const records = load();
    const files = readdirSync(seedDir);
    const text = new Map<string, string>();
    for (const [sourceId, prefix] of Object.entries(SEED_PREFIX)) {
      const file = files.find((f) => f.startsWith(prefix));
      expect(file, `seed file for ${sourceId}`).toBeDefined();
      text.set(sourceId, normalise(readFileSync(join(seedDir, file!), 'utf8')));
    }
    const missing: string[] = [];
    for (const source of records.sources) {
      if (source.excerpt !== undefined && !text.get(source.id)?.includes(normalise(source.excerpt))) missing.push(`sources ${source.id}: excerpt`);
    }
    const cited = {
      bodies: records.bodies,
      meetings: records.meetings,
      agendaItems: records.agendaItems,
      frameworks: records.frameworks,
      targets: records.targets,
    };
    for (const [kind, list] of Object.entries(cited)) {
      for (const record of list) {
        for (const citation of record.sources) {
          const seed = text.get(citation.sourceId);
          if (seed === undefined || citation.quote === undefined || !seed.includes(normalise(citation.quote))) {
            missing.push(`${kind} ${record.id}: "${citation.quote}"`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
