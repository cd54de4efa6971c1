import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { RECORD_KINDS, type DatasetRecords, type RecordKind } from '../shared/model';
import { SCHEMA_VERSIONS } from '../renderer/db/db';
import { toStored } from '../renderer/datasets/stored-records';
import type { Provenance } from '../renderer/db/schema';
import { freshPage } from '../test/e2e/support/browser';

/**
 * What a developer would pick instead of the app's import: dexie-export-import's importInto
 * of the same records, as an export file (its JSON format) handed over as a Blob, into the
 * app's own database in a fresh origin. Timed from the Blob to the end of the import, as the
 * app's check + apply is.
 */

const EXPORT_PATH = '/__bench/dexie-export.json';
const LIBRARY_PATH = '/__bench/dexie-export-import.js';

/** The records as dexie-export-import's exportDB would write the app's reference tables: the rows the app stores, with the provenance given. */
export function dexieExportOf(records: DatasetRecords, prov: Provenance): Buffer {
  const schemaOf = (table: string) => SCHEMA_VERSIONS.findLast((v) => v.stores[table])!.stores[table]!;
  const tables = RECORD_KINDS.map((kind) => ({ name: kind, schema: schemaOf(kind), rowCount: records[kind].length }));
  const data = RECORD_KINDS.map((kind: RecordKind) => ({ tableName: kind, inbound: true, rows: (records[kind] as never[]).map((r) => toStored(kind, r, prov)) }));
  return Buffer.from(JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { databaseName: 'asean-delegate', databaseVersion: SCHEMA_VERSIONS.at(-1)!.version, tables, data } }), 'utf8');
}

let library: string | undefined;

/** Dexie and dexie-export-import bundled for the page (the app's own build does not include the latter). */
async function pageLibrary(): Promise<string> {
  library ??= (
    await build({
      stdin: { contents: "import Dexie from 'dexie'; import { importInto } from 'dexie-export-import'; globalThis.__dexieImport = { Dexie, importInto };", resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    })
  ).outputFiles[0]!.text;
  return library;
}

/** One importInto of the export file into a fresh origin's app database; the time it took and the rows it stored. */
export async function dexieImportOnce(browser: Browser, url: string, exportFile: Buffer): Promise<{ ms: number; stored: number }> {
  const { context, page } = await freshPage(browser, { serviceWorkers: 'block' });
  try {
    await page.route(`**${EXPORT_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: exportFile }));
    // Served from the app's origin: its CSP allows same-origin scripts only.
    const code = await pageLibrary();
    await page.route(`**${LIBRARY_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: code }));
    await page.goto(`${url}/`);
    await page.waitForSelector('html[data-app-ready="true"]', { timeout: 60_000 });
    await page.addScriptTag({ url: LIBRARY_PATH });
    return await page.evaluate(async (path) => {
      type Lib = { Dexie: new (name: string) => { open(): Promise<unknown>; close(): void; table(name: string): { count(): Promise<number> } }; importInto: (db: unknown, blob: Blob, options: object) => Promise<void> };
      const { Dexie, importInto } = (globalThis as unknown as { __dexieImport: Lib }).__dexieImport;
      const blob = await (await fetch(path)).blob();
      // Dynamic mode: the database opened with the schema it has (the app's).
      const db = new Dexie('asean-delegate');
      await db.open();
      const started = performance.now();
      await importInto(db, blob, { acceptVersionDiff: true, overwriteValues: true });
      const ms = performance.now() - started;
      let stored = 0;
      for (const name of ['sources', 'bodies', 'meetings', 'agendaItems', 'frameworks', 'targets']) stored += await db.table(name).count();
      db.close();
      return { ms, stored };
    }, EXPORT_PATH);
  } finally {
    await context.close();
  }
}
