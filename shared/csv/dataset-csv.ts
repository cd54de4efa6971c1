import { RECORD_KINDS, type DatasetRecords, type RecordKind } from '../model';
import { formatProblem, validateDataset, type DatasetProblem } from '../dataset/validate';
import { COLUMNS, CSV_FILES, headerOf, TEXT_LANGUAGES, type ColumnType } from './dataset-columns';
import { CsvSyntaxError, parseCsv, serializeCsv } from './csv-text';

/** Records to one CSV text per kind, and back; a round trip gives back the same records. */

const escapeItem = (item: string) => item.replaceAll('\\', '\\\\').replaceAll(';', '\\;');

function splitList(cell: string): string[] {
  if (cell === '[]') return [];
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < cell.length; i += 1) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) item += cell[(i += 1)]!;
    else if (c === ';') {
      items.push(item);
      item = '';
    } else item += c;
  }
  items.push(item);
  return items;
}

function toCells(value: unknown, type: ColumnType): string[] {
  if (type === 'text') {
    const text = (value ?? {}) as Record<string, string | undefined>;
    return TEXT_LANGUAGES.map((l) => text[l] ?? '');
  }
  if (value === undefined) return [''];
  if (type === 'list') return [(value as string[]).length === 0 ? '[]' : (value as string[]).map(escapeItem).join(';')];
  if (type === 'json') return [JSON.stringify(value)];
  return [String(value)];
}

/** A field's value by its dotted path (`organisation.bodyId`). */
function getField(record: Record<string, unknown>, field: string): unknown {
  return field.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), record);
}

/** Sets a field by its dotted path, making the objects on the way. */
function setField(record: Record<string, unknown>, field: string, value: unknown): void {
  const keys = field.split('.');
  let at = record;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
}

export function recordsToCsv(records: DatasetRecords): Record<RecordKind, string> {
  const files = {} as Record<RecordKind, string>;
  for (const kind of RECORD_KINDS) {
    const rows = (records[kind] as unknown as Record<string, unknown>[]).map((record) => COLUMNS[kind].flatMap(([field, type]) => toCells(getField(record, field), type)));
    files[kind] = serializeCsv([headerOf(kind), ...rows]);
  }
  return files;
}

/** A problem in a CSV file, named as a spreadsheet user finds it: file, row (the header is row 1) and column. */
export interface CsvProblem {
  file: string;
  row?: number;
  column?: string;
  message: string;
}

export const formatCsvProblem = (p: CsvProblem) => [p.file, p.row !== undefined ? `row ${p.row}` : undefined, p.column !== undefined ? `column ${p.column}` : undefined].filter(Boolean).join(', ') + `: ${p.message}`;

const columnLetter = (index: number): string => (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

function fromCells(kind: RecordKind, file: string, header: string[], cells: string[], row: number, problems: CsvProblem[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const at = (name: string) => header.indexOf(name);
  const cell = (name: string) => cells[at(name)] ?? '';
  const where = (name: string) => `${name} (${columnLetter(at(name))})`;
  for (const [field, type] of COLUMNS[kind]) {
    if (type === 'text') {
      const text: Record<string, string> = {};
      for (const l of TEXT_LANGUAGES) if (cell(`${field}.${l}`) !== '') text[l] = cell(`${field}.${l}`);
      if (Object.keys(text).length > 0) setField(record, field, text);
      continue;
    }
    const value = cell(field);
    if (value === '') continue;
    if (type === 'string') setField(record, field, value);
    else if (type === 'list') setField(record, field, splitList(value));
    else if (type === 'number') {
      if (/^-?\d+$/.test(value.trim())) setField(record, field, Number(value.trim()));
      else problems.push({ file, row, column: where(field), message: `"${value.slice(0, 40)}" is not a whole number` });
    } else {
      try {
        setField(record, field, JSON.parse(value) as unknown);
      } catch (error) {
        problems.push({ file, row, column: where(field), message: `not valid JSON (${(error as Error).message})` });
      }
    }
  }
  return record;
}

export type CsvImport = { ok: true; records: DatasetRecords } | { ok: false; problems: CsvProblem[] };

/** Reads one CSV text per kind (a missing kind is an empty file), checks the records as any dataset is checked. */
export function csvToRecords(files: Partial<Record<RecordKind, string>>): CsvImport {
  const problems: CsvProblem[] = [];
  const raw = {} as Record<RecordKind, Record<string, unknown>[]>;
  const rowOfId = {} as Record<RecordKind, Map<string, number>>;
  const headers = {} as Record<RecordKind, string[]>;
  for (const kind of RECORD_KINDS) {
    const file = CSV_FILES[kind];
    raw[kind] = [];
    rowOfId[kind] = new Map();
    const text = files[kind];
    if (text === undefined) continue;
    let rows: string[][];
    try {
      rows = parseCsv(text);
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        problems.push({ file, row: error.row, column: columnLetter(error.column - 1), message: error.message.replace(/^row \d+, column \d+: /, '') });
        continue;
      }
      throw error;
    }
    const [header = [], ...body] = rows;
    headers[kind] = header;
    const expected = headerOf(kind);
    const missing = expected.filter((h) => !header.includes(h));
    const unknown = header.filter((h) => !expected.includes(h));
    if (missing.length > 0 || unknown.length > 0) {
      problems.push({
        file,
        row: 1,
        message: [missing.length > 0 ? `missing columns ${missing.join(', ')}` : '', unknown.length > 0 ? `unknown columns ${unknown.join(', ')}` : ''].filter(Boolean).join('; '),
      });
      continue;
    }
    body.forEach((cells, i) => {
      const row = i + 2;
      if (cells.length === 1 && cells[0] === '') return; // a blank line
      if (cells.length !== header.length) {
        problems.push({ file, row, message: `has ${cells.length} cells, the header has ${header.length}` });
        return;
      }
      const record = fromCells(kind, file, header, cells, row, problems);
      raw[kind].push(record);
      if (typeof record.id === 'string') rowOfId[kind].set(record.id, row);
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const result = validateDataset(raw);
  if (result.ok) return { ok: true, records: result.records };
  return { ok: false, problems: result.problems.map((p) => locate(p, rowOfId, headers)) };
}

/** Where a dataset problem lies in the CSV files: the row of its record (by id), the column of its field. */
function locate(p: DatasetProblem, rowOfId: Record<RecordKind, Map<string, number>>, headers: Record<RecordKind, string[]>): CsvProblem {
  if (p.kind === 'dataset') return { file: 'dataset', message: formatProblem(p) };
  const file = CSV_FILES[p.kind];
  const row = p.id !== undefined ? rowOfId[p.kind].get(p.id) : undefined;
  // The column whose field the path starts with (the longest, for a dotted field such as organisation.name).
  const path = p.path ?? '';
  const spec = COLUMNS[p.kind].filter(([f]) => path === f || path.startsWith(`${f}.`)).sort(([a], [b]) => b.length - a.length)[0] ?? COLUMNS[p.kind].find(([f]) => path !== '' && f.startsWith(`${path}.`));
  const field = spec?.[0] ?? path.split('.')[0]!;
  const sub = path.length > field.length ? path.slice(field.length + 1).split('.')[0] : undefined;
  const name = spec ? (spec[1] === 'text' ? `${field}.${TEXT_LANGUAGES.includes(sub as 'en') ? sub : 'en'}` : field) : undefined;
  const column = name && headers[p.kind] ? `${name} (${columnLetter(headers[p.kind].indexOf(name))})` : undefined;
  const inside = spec && spec[1] === 'json' && path !== field ? ` (at ${p.path})` : '';
  return { file, ...(row !== undefined ? { row } : {}), ...(column ? { column } : {}), message: `${p.message}${inside}${p.id !== undefined ? ` — record "${p.id}"` : ''}` };
}
