/** CSV import/export for publishers: exact round trips (fast-check), and every bad cell named with its file, row and column. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle, serializeBundle } from '../../shared/bundle';
import { parseCsv, serializeCsv } from '../../shared/csv/csv-text';
import { csvToRecords, formatCsvProblem, recordsToCsv } from '../../shared/csv/dataset-csv';
import { canonicalJson } from '../../shared/dataset/hash';
import { validateDataset } from '../../shared/dataset/validate';
import type { DatasetRecords } from '../../shared/model';
import { exportCsv, importCsv } from '../../scripts/dataset-csv';
import { readDatasetDir } from '../../scripts/load-dataset-dir';
import { baseInput, builtinRecords, smallDataset } from './bundle-fixtures';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dataset-csv-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Text a spreadsheet user might type: commas, quotes, semicolons, backslashes, line breaks, padding, any script. */
const awkward = fc
  .array(fc.oneof(fc.constantFrom(',', '"', ';', '\\', '\n', '\r\n', ' ', '[]', 'é', 'ấ', 'ภาษา', '\u200b'), fc.string({ minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((s) => s.length > 0);

const roundTrip = (records: DatasetRecords) => {
  const back = csvToRecords(recordsToCsv(records));
  if (!back.ok) throw new Error(back.problems.map(formatCsvProblem).join('\n'));
  return back.records;
};

describe('CSV text', () => {
  it('parses what it writes, for any cells', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        // A row of one empty cell is a blank line, which a CSV cannot tell from nothing.
        fc.pre(rows.every((r) => !(r.length === 1 && r[0] === '')));
        expect(parseCsv(serializeCsv(rows))).toEqual(rows);
      }),
    );
  });

  it('reads LF line ends and a byte-order mark as spreadsheets save them', () => {
    expect(parseCsv('\uFEFFa,b\n"c\nd",e\n')).toEqual([['a', 'b'], ['c\nd', 'e']]);
  });
});

describe('a dataset as CSV', () => {
  it('round-trips the built-in dataset exactly', () => {
    const records = builtinRecords();
    expect(canonicalJson(roundTrip(records))).toBe(canonicalJson(records));
  });

  it('round-trips exactly whatever text the publisher types, in text, list and nested columns', () => {
    const small = smallDataset();
    fc.assert(
      fc.property(awkward, awkward, awkward, awkward, fc.nat(1000), (name, description, partner, city, pick) => {
        const records = structuredClone(small);
        const body = records.bodies[pick % records.bodies.length]!;
        body.name = { ...body.name, ms: name };
        body.description = { id: description };
        if (records.agendaItems.length > 0) records.agendaItems[pick % records.agendaItems.length]!.partners = [partner, name, ''.padEnd(1, ';')];
        const meeting = records.meetings[pick % records.meetings.length]!;
        meeting.venue = { city, country: 'MY' };
        meeting.outcomeDocuments = [{ id: `doc-${pick}`, type: 'declaration', title: { en: description }, status: 'adopted', date: { from: '2017', qualifier: 'circa' } }];
        const valid = validateDataset(records);
        fc.pre(valid.ok);
        if (valid.ok) expect(canonicalJson(roundTrip(valid.records))).toBe(canonicalJson(valid.records));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('names the file, row and column of a broken cell, and of a record the schema refuses', () => {
    const files = recordsToCsv(builtinRecords());
    const meetings = parseCsv(files.meetings);
    const header = meetings[0]!;
    meetings[2]![header.indexOf('status')] = 'finished';
    meetings[3]![header.indexOf('number')] = 'thirty';
    meetings[4]![header.indexOf('venue')] = '{"city": Langkawi}';
    const result = csvToRecords({ ...files, meetings: serializeCsv(meetings) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.map(formatCsvProblem);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^meetings\.csv, row 4, column number \(C\): "thirty" is not a whole number$/),
        expect.stringMatching(/^meetings\.csv, row 5, column venue \(K\): not valid JSON/),
      ]),
    );
    // Cell problems are reported first; once they are fixed, the schema's are named the same way.
    meetings[3]![header.indexOf('number')] = '30';
    meetings[4]![header.indexOf('venue')] = '';
    const again = csvToRecords({ ...files, meetings: serializeCsv(meetings) });
    expect(again.ok ? [] : again.problems.map(formatCsvProblem)).toEqual([expect.stringMatching(/^meetings\.csv, row 3, column status \(T\): .* — record "asoen-36"$/)]);
  });

  it('names a syntax error and missing or unknown columns', () => {
    const files = recordsToCsv(builtinRecords());
    const unclosed = csvToRecords({ ...files, sources: `${files.sources}src-extra,"never closed\r\n` });
    expect(unclosed.ok ? [] : unclosed.problems.map(formatCsvProblem)).toEqual(['sources.csv, row 6, column B: a quoted field is not closed (a " is missing)']);
    const stray = csvToRecords({ ...files, sources: `${files.sources}src-extra,a "quote" inside\r\n` });
    expect(stray.ok ? [] : stray.problems.map(formatCsvProblem)[0]).toMatch(/^sources\.csv, row 6, column B: a quote in the middle of an unquoted field/);
    const renamed = csvToRecords({ ...files, targets: files.targets.replace('frameworkId', 'framework') });
    expect(renamed.ok ? [] : renamed.problems.map(formatCsvProblem)).toEqual(['targets.csv, row 1: missing columns frameworkId; unknown columns framework']);
  });
});

describe('npm run dataset -- export-csv / import-csv', () => {
  it('goes from a folder or a bundle to CSV and back to the same dataset folder', async () => {
    const csv = tempDir();
    const back = tempDir();
    exportCsv(resolve('assets/dataset'), csv);
    expect(readFileSync(join(csv, 'bodies.csv'), 'utf8').split('\r\n')[0]).toMatch(/^id,acronym,aliases,name\.en,name\.ms,name\.id,/);
    importCsv(csv, back);
    const original = validateDataset(readDatasetDir(resolve('assets/dataset')).records);
    const again = validateDataset(readDatasetDir(back).records);
    expect(original.ok && again.ok && canonicalJson(again.records) === canonicalJson(original.records)).toBe(true);
    expect(JSON.parse(readFileSync(join(back, 'manifest.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(resolve('assets/dataset/manifest.json'), 'utf8')));

    const bundlePath = join(tempDir(), 'bundle.json');
    writeFileSync(bundlePath, serializeBundle(await buildBundle(baseInput(builtinRecords()))));
    const fromBundle = tempDir();
    exportCsv(bundlePath, fromBundle);
    expect(readFileSync(join(fromBundle, 'meetings.csv'), 'utf8')).toBe(readFileSync(join(csv, 'meetings.csv'), 'utf8'));
  });

  it('writes nothing when a cell is wrong, and says where', () => {
    const csv = tempDir();
    exportCsv(resolve('assets/dataset'), csv);
    writeFileSync(join(csv, 'targets.csv'), readFileSync(join(csv, 'targets.csv'), 'utf8').replace('admm-2025-deliverables-a,admm-2025-deliverables,', 'admm-2025-deliverables-a,no-such-framework,'));
    const out = join(tempDir(), 'out');
    expect(() => importCsv(csv, out)).toThrow(/targets\.csv, row 2, column frameworkId \(B\): refers to unknown frameworks "no-such-framework"/);
    expect(() => readFileSync(join(out, 'targets.json'))).toThrow();
  });
});
