import type { EntityTable } from 'dexie';
import { recordsToDocs, type SearchDoc } from '../../../shared/search';
import type { DelegateDatabase } from '../../db/db';
import { sectorNames } from './sector-names';

/**
 * Records per read. Every reference table (100k records at scale) is read a page at a time,
 * one table after another, in short transactions: the page's own queries (the first rows of a
 * list the delegate opens meanwhile) are served between two pages instead of after them all.
 */
const PAGE = 5000;

/** Every record of a table, in primary-key order, a page at a time. */
async function readPaged<T extends { id: string }>(table: EntityTable<T, 'id'>, pageSize: number, onPage: (rows: number) => void): Promise<T[]> {
  const all: T[] = [];
  let page = await table.orderBy(':id').limit(pageSize).toArray();
  for (;;) {
    for (const row of page) all.push(row);
    onPage(page.length);
    if (page.length < pageSize) return all;
    page = await table.where(':id').above(page[page.length - 1]!.id).limit(pageSize).toArray();
  }
}

/**
 * Every reference record of the database as search documents (runs inside the worker).
 * `onRead` is told the share (0..1) of the records read so far, after each page.
 */
export async function loadReferenceDocs(database: DelegateDatabase, onRead?: (share: number) => void, pageSize = PAGE): Promise<SearchDoc[]> {
  const counts = await Promise.all([database.bodies, database.meetings, database.agendaItems, database.frameworks, database.targets, database.sources, database.contacts].map((table) => table.count()));
  const total = Math.max(1, counts.reduce((a, b) => a + b, 0));
  let read = 0;
  const onPage = (rows: number) => {
    read += rows;
    onRead?.(Math.min(1, read / total));
  };
  const bodies = await readPaged(database.bodies, pageSize, onPage);
  const meetings = await readPaged(database.meetings, pageSize, onPage);
  const agendaItems = await readPaged(database.agendaItems, pageSize, onPage);
  const frameworks = await readPaged(database.frameworks, pageSize, onPage);
  const targets = await readPaged(database.targets, pageSize, onPage);
  const sources = await readPaged(database.sources, pageSize, onPage);
  const contacts = await readPaged(database.contacts, pageSize, onPage);
  return recordsToDocs({ bodies, meetings, agendaItems, frameworks, targets, sources, contacts }, { sector: sectorNames });
}
