import type { ReactNode } from 'react';
import { Loading, NotFound } from './Page';
import { ShownRecord } from './ReferenceFlagNotice';
import { useRecord, type RecordTable } from './use-record';

/** A page for one record: "Loading…" until it arrives, "not in the dataset" when it never will. */
export function RecordPage<T extends { id: string }>({ table, id, what, children }: { table: RecordTable<T>; id: string; what: string; children: (record: T) => ReactNode }) {
  const record = useRecord(table, id);
  if (record === undefined) return <Loading />;
  if (record === null) return <NotFound what={what} id={id} />;
  // The page says so when a layer's record refers to records its base no longer has (Page shows ReferenceFlagNotice).
  return <ShownRecord.Provider value={{ kind: table.name, id }}>{children(record)}</ShownRecord.Provider>;
}
