import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { loadBriefingDoc } from '../../collab/briefing-docs';
import { docLogLength } from '../../collab/doc-log';
import { db } from '../../db/db';
import { changesSince, type SectionChange } from './changes-since';
import { seenBaseline } from './seen-baseline';

export interface ChangesSinceSeen {
  at: string;
  changes: SectionChange[];
}

async function readChanges(briefingId: string): Promise<ChangesSinceSeen | null> {
  const baseline = await seenBaseline(briefingId);
  if (!baseline) return null;
  const doc = await loadBriefingDoc(briefingId);
  if (!doc) return null;
  try {
    return { at: baseline.at, changes: changesSince(doc, baseline.state) };
  } finally {
    doc.destroy();
  }
}

/**
 * The changes since I last looked, read from the stored document (the editor saves within a
 * second), again whenever the baseline changes and, when `live`, whenever the document's log
 * does. Undefined while reading; null when the briefing has no baseline yet.
 * The live queries only say when to read again: the document itself is read outside them.
 */
export function useChangesSinceSeen(briefingId: string, live = false): ChangesSinceSeen | null | undefined {
  const log = useLiveQuery(() => (live ? docLogLength(briefingId) : 0), [briefingId, live]);
  const seenAt = useLiveQuery(async () => ((await db.settings.get(`changes.seen:${briefingId}`))?.value as { at?: string } | undefined)?.at ?? null, [briefingId]);
  const [result, setResult] = useState<{ key: string; value: ChangesSinceSeen | null } | undefined>();
  const key = `${briefingId}|${seenAt}`;
  useEffect(() => {
    if (log === undefined || seenAt === undefined) return;
    let current = true;
    readChanges(briefingId).then(
      (value) => current && setResult({ key, value }),
      (error: unknown) => console.error('Could not compare the briefing with when it was last seen', error),
    );
    return () => {
      current = false;
    };
  }, [briefingId, log, seenAt, key]);
  return result?.key === key ? result.value : undefined;
}
