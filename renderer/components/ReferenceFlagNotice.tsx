import { createContext, useContext } from 'react';
import { useRecordFlag, useInstalledDatasets } from '../features/sync/dataset-queries';
import { flagText } from '../features/sync/flag-text';
import { useT } from '../i18n/use-t';

/** The record a page shows (set by RecordPage), so the page can say when a layer's record refers to something its base dropped. */
export const ShownRecord = createContext<{ kind: string; id: string } | undefined>(undefined);

/** Under a record page's heading: the references of this record that name records its base no longer has. */
export function ReferenceFlagNotice() {
  const shown = useContext(ShownRecord);
  return shown ? <FlagOf kind={shown.kind} id={shown.id} /> : null;
}

function FlagOf({ kind, id }: { kind: string; id: string }) {
  const t = useT();
  const flag = useRecordFlag(kind, id);
  const installed = useInstalledDatasets();
  if (!flag) return null;
  const titles = new Map((installed ?? []).map((d) => [d.datasetId, d.title]));
  return (
    <div role="note" className="sync-warning reference-flag" data-testid="reference-flag">
      <p>
        <strong>{t('layers.notice.lead', { layer: titles.get(flag.datasetId) ?? flag.datasetId })}</strong>
      </p>
      <ul>
        {flag.references.map((r) => (
          <li key={`${r.path}/${r.targetId}`}>{flagText(t, r, titles)}</li>
        ))}
      </ul>
      <p className="muted">{t('layers.notice.kept')}</p>
    </div>
  );
}
