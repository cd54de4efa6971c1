import { useT } from '../../i18n/use-t';
import type { FlaggedReference, PreviewLayers } from '../../datasets/types';
import { useInstalledDatasets } from './dataset-queries';
import { flagText } from './flag-text';

/** The layered-dataset part of a preview: the bases this dataset builds on, and the layers over it. */
export function LayerPreview({ layers }: { layers: PreviewLayers }) {
  const t = useT();
  const installed = useInstalledDatasets();
  const titles = new Map((installed ?? []).map((d) => [d.datasetId, d.title]));
  return (
    <div className="sync-layers">
      {layers.bases.length > 0 && (
        <>
          <h3>{t('layers.preview.bases')}</h3>
          <ul>
            {layers.bases.map((b) => (
              <li key={b.datasetId}>{t('layers.preview.base', { title: b.title, datasetId: b.datasetId, minVersion: b.minVersion, installed: b.installedVersion })}</li>
            ))}
          </ul>
        </>
      )}
      {layers.missingCount > 0 && (
        <div role="alert" className="sync-warning">
          <p>{t('layers.preview.missing', { count: layers.missingCount })}</p>
          <References list={layers.missing} total={layers.missingCount} titles={titles} />
        </div>
      )}
      {layers.dependents.length > 0 && (
        <>
          <h3>{t('layers.preview.dependents')}</h3>
          <ul className="plain-list">
            {layers.dependents.map((d) => (
              <li key={d.datasetId} className={d.flaggedCount > 0 ? 'sync-warning' : undefined} role={d.flaggedCount > 0 ? 'alert' : undefined}>
                {d.flaggedCount > 0 ? (
                  <>
                    <p>{t('layers.preview.dependentFlagged', { title: d.title, count: d.flaggedCount })}</p>
                    <References list={d.flagged} total={d.flaggedCount} titles={titles} />
                  </>
                ) : (
                  d.cleared === 0 && <p>{t('layers.preview.dependentNone', { title: d.title })}</p>
                )}
                {d.cleared > 0 && <p>{t('layers.preview.dependentCleared', { title: d.title, count: d.cleared })}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function References({ list, total, titles }: { list: FlaggedReference[]; total: number; titles: ReadonlyMap<string, string> }) {
  const t = useT();
  return (
    <ul className="sync-problems">
      {list.map((r) => (
        <li key={`${r.kind}/${r.id}/${r.path}`}>{flagText(t, r, titles, r)}</li>
      ))}
      {total > list.length && <li>{t('layers.preview.more', { count: total - list.length })}</li>}
    </ul>
  );
}
