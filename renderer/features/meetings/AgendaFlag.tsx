import { db } from '../../db/db';
import type { ReferenceFlagRow, StoredAgendaItem } from '../../db/schema';
import { useInstalledDatasets } from '../sync/dataset-queries';
import { flagText } from '../sync/flag-text';
import { useT } from '../../i18n/use-t';

/**
 * An agenda item of a layer that refers to records its base dataset has since removed (a body
 * that no longer exists, an outcome document withdrawn): marked where the delegate reads the
 * programme, not only on the Datasets page, with what it refers to and who dropped it.
 */

/** The flags on these agenda items, by item id (most programmes have none: one indexed read). */
export async function agendaFlags(items: readonly StoredAgendaItem[]): Promise<Map<string, ReferenceFlagRow>> {
  if (items.length === 0) return new Map();
  const rows = await db.referenceFlags.bulkGet(items.map((i) => ['agendaItems', i.id] as [string, string]));
  return new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
}

export function AgendaFlag({ flag }: { flag: ReferenceFlagRow }) {
  const t = useT();
  const installed = useInstalledDatasets();
  const titles = new Map((installed ?? []).map((d) => [d.datasetId, d.title]));
  return (
    <div role="note" className="agenda-flag" data-testid="agenda-flag">
      <span>{t('layers.programme.lead', { layer: titles.get(flag.datasetId) ?? flag.datasetId })}</span>
      <ul>
        {flag.references.map((r) => (
          <li key={`${r.path}/${r.targetId}`}>{flagText(t, r, titles)}</li>
        ))}
      </ul>
    </div>
  );
}
