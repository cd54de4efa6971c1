/** The contact record kind (issue 16, record schema 4): validation by field path, CSV round trips, hashes, search. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../shared/bundle';
import { parseCsv, serializeCsv } from '../../shared/csv/csv-text';
import { csvToRecords, formatCsvProblem, recordsToCsv } from '../../shared/csv/dataset-csv';
import { canonicalJson } from '../../shared/dataset/hash';
import { formatProblem, validateDataset } from '../../shared/dataset/validate';
import { withoutEmptyLaterKinds, type Contact, type DatasetRecords } from '../../shared/model';
import { recordsToDocs, SearchIndex } from '../../shared/search';
import { exportCsv, importCsv } from '../../scripts/dataset-csv';
import { baseInput, smallDataset } from './bundle-fixtures';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'contacts-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function withContacts(): DatasetRecords {
  const records = smallDataset();
  const admm = records.bodies.find((b) => b.id === 'admm') ?? records.bodies[0]!;
  const meeting = records.meetings[0]!;
  const source = records.sources[0]!.id;
  const contacts: Contact[] = [
    {
      id: 'my-admm-focal',
      name: "Dato' Focal, \"ADMM\"; desk",
      title: { en: 'Under-Secretary, Policy and Strategic Planning', ms: 'Setiausaha Bahagian, Dasar dan Perancangan Strategik' },
      otherTitles: [{ lang: 'th', text: 'ผู้ประสานงาน' }],
      organisation: { name: { en: 'Ministry of Defence', ms: 'Kementerian Pertahanan' }, bodyId: admm.id },
      country: 'MY',
      roles: [
        { role: 'focal-point', bodyId: admm.id },
        { role: 'head-of-delegation', meetingId: meeting.id, note: { en: 'Senior officials level' } },
      ],
      languages: ['ms', 'en'],
      email: 'focal.admm@mod.gov.my',
      phone: '+60 3 2059 8400',
      certainty: { record: { level: 'partial', note: { en: 'Title from the 2025 directory' } } },
      sources: [{ sourceId: source }],
    },
    { id: 'id-admm-desk', name: 'Desk officer', organisation: { name: { id: 'Kementerian Pertahanan' } }, country: 'ID', roles: [], sources: [{ sourceId: source }] },
  ];
  return { ...records, contacts };
}

describe('validating contacts', () => {
  it('accepts a valid contact and names each bad field by its path', () => {
    const records = withContacts();
    expect(validateDataset(records).ok).toBe(true);
    const bad = structuredClone(records);
    const contact = bad.contacts[0]!;
    Object.assign(contact, { email: 'mailto:focal@mod.gov.my', phone: 'call me', country: 'XX', languages: ['not a tag!'] });
    contact.roles[0] = { role: 'focal-point', bodyId: 'no-such-body' };
    const result = validateDataset(bad);
    expect(result.ok).toBe(false);
    const text = result.ok ? [] : result.problems.map(formatProblem);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^contacts › my-admm-focal › email: must be an e-mail address/),
        expect.stringMatching(/^contacts › my-admm-focal › phone: must be a telephone number/),
        expect.stringMatching(/^contacts › my-admm-focal › country: must be the code of an ASEAN Member State/),
        expect.stringMatching(/^contacts › my-admm-focal › languages\.0: /),
      ]),
    );
    // Once the schema is satisfied, a reference to a body no dataset has is named by its path too.
    Object.assign(contact, { email: 'focal@mod.gov.my', phone: '+60 3 2059 8400', country: 'MY', languages: ['ms'] });
    const refs = validateDataset(bad);
    expect(refs.ok ? [] : refs.problems.map(formatProblem)).toEqual(['contacts › my-admm-focal › roles.0.bodyId: refers to unknown bodies "no-such-body"']);
  });

  it('refuses a role that names neither a body nor a meeting, and an organisation with neither a body nor a name', () => {
    const bad = withContacts();
    bad.contacts[1] = { ...bad.contacts[1]!, organisation: {}, roles: [{ role: 'delegate' }] } as unknown as Contact;
    const result = validateDataset(bad);
    const text = result.ok ? [] : result.problems.map(formatProblem);
    expect(text).toEqual(expect.arrayContaining([expect.stringMatching(/^contacts › id-admm-desk › organisation: an organisation is a body/), expect.stringMatching(/^contacts › id-admm-desk › roles\.0: a role names the body or the meeting/)]));
  });
});

describe('contacts in a bundle', () => {
  it('leaves an empty contacts kind out of the payload, so the hash is the one before record schema 4', async () => {
    const records = smallDataset();
    expect(records.contacts).toEqual([]);
    const { contacts: _none, ...sixKinds } = records;
    const built = await buildBundle(baseInput(records), 1);
    const manifest = JSON.parse(built.manifest) as { recordCounts: Record<string, number>; schemaVersion: number };
    expect(Object.keys(built.payload)).not.toContain('contacts');
    expect(manifest.recordCounts).not.toHaveProperty('contacts');
    expect(canonicalJson(withoutEmptyLaterKinds(records))).toBe(canonicalJson(sixKinds));
    const full = await buildBundle(baseInput(withContacts()), 1);
    expect(JSON.parse(full.manifest)).toMatchObject({ schemaVersion: 4, recordCounts: { contacts: 2 } });
  });
});

describe('contacts as CSV', () => {
  it('round-trip exactly, nested organisation columns and JSON roles included', () => {
    const records = withContacts();
    const files = recordsToCsv(records);
    expect(parseCsv(files.contacts)[0]).toEqual(expect.arrayContaining(['id', 'name', 'title.en', 'title.ms', 'title.id', 'organisation.bodyId', 'organisation.name.en', 'country', 'roles', 'languages', 'email', 'phone', 'certainty', 'sources']));
    const back = csvToRecords(files);
    if (!back.ok) throw new Error(back.problems.map(formatCsvProblem).join('\n'));
    expect(canonicalJson(back.records)).toBe(canonicalJson(records));
  });

  it('names the file, row and column of a bad contact cell', () => {
    const files = recordsToCsv(withContacts());
    const rows = parseCsv(files.contacts);
    const header = rows[0]!;
    rows[1]![header.indexOf('email')] = 'focal at mod.gov.my';
    rows[2]![header.indexOf('organisation.bodyId')] = 'no-such-body';
    const result = csvToRecords({ ...files, contacts: serializeCsv(rows) });
    const text = result.ok ? [] : result.problems.map(formatCsvProblem);
    expect(text).toEqual([expect.stringMatching(/^contacts\.csv, row 2, column email \([A-Z]+\): must be an e-mail address.* — record "my-admm-focal"$/)]);
    rows[1]![header.indexOf('email')] = 'focal@mod.gov.my';
    const again = csvToRecords({ ...files, contacts: serializeCsv(rows) });
    expect(again.ok ? [] : again.problems.map(formatCsvProblem)).toEqual([expect.stringMatching(/^contacts\.csv, row 3, column organisation\.bodyId \([A-Z]+\): refers to unknown bodies "no-such-body" — record "id-admm-desk"$/)]);
  });

  it('go from a dataset folder to CSV and back (export-csv, import-csv), and a folder without contacts gets no contacts.json', () => {
    const folder = tempDir();
    const records = withContacts();
    const names = { sources: 'sources.json', bodies: 'bodies.json', meetings: 'meetings.json', agendaItems: 'agenda-items.json', frameworks: 'frameworks.json', targets: 'targets.json', contacts: 'contacts.json' } as const;
    for (const [kind, file] of Object.entries(names)) writeFileSync(join(folder, file), JSON.stringify(records[kind as keyof typeof names]));
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ datasetId: 'my-national', version: 1, title: 'Malaysia national layer', publisher: 'Ministry', created: '2026-11-30' }));
    const csv = tempDir();
    exportCsv(folder, csv);
    expect(readFileSync(join(csv, 'contacts.csv'), 'utf8')).toContain('focal.admm@mod.gov.my');
    const again = tempDir();
    importCsv(csv, again);
    expect(JSON.parse(readFileSync(join(again, 'contacts.json'), 'utf8'))).toEqual(records.contacts);

    const without = tempDir();
    writeFileSync(join(csv, 'contacts.csv'), parseCsv(readFileSync(join(csv, 'contacts.csv'), 'utf8'))[0]!.join(',') + '\r\n');
    importCsv(csv, without);
    expect(existsSync(join(without, 'contacts.json'))).toBe(false);
  });
});

describe('contacts in search', () => {
  it('are found by name, organisation, delegation and e-mail, and lead to their page', () => {
    const index = new SearchIndex();
    index.addAll(recordsToDocs({ contacts: withContacts().contacts }));
    for (const query of ['Focal', 'Ministry of Defence', 'Malaysia', 'focal.admm@mod.gov.my']) {
      expect(index.search(query).hits.map((h) => h.href)).toContain('/contacts/my-admm-focal');
    }
    expect(index.search('Indonesia').hits.map((h) => `${h.kind}:${h.id}`)).toEqual(['contact:id-admm-desk']);
  });
});

describe('a contact in search results', () => {
  it('shows the name as written in every language, not marked as a fallback', () => {
    const index = new SearchIndex();
    index.addAll(recordsToDocs({ contacts: withContacts().contacts }));
    const [hit] = index.search('Desk officer', { lang: 'ms' }).hits;
    expect(hit).toMatchObject({ kind: 'contact', title: 'Desk officer', titleFallback: false });
  });
});
