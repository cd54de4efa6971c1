import { Link } from 'wouter';
import { useT } from '../../i18n/use-t';
import { useInstalledDatasets, useReferenceFlags } from './dataset-queries';
import { flagText, recordHref } from './flag-text';

/** The Datasets page's list of layers' records whose references name records a base no longer has. Nothing when there are none. */
export function ReferenceFlags() {
  const t = useT();
  const flags = useReferenceFlags();
  const installed = useInstalledDatasets();
  if (!flags || flags.length === 0) return null;
  const titles = new Map((installed ?? []).map((d) => [d.datasetId, d.title]));
  const layers = [...new Set(flags.map((f) => f.datasetId))];
  return (
    <section className="panel sync-flags" aria-labelledby="layers-flags-heading">
      <h2 id="layers-flags-heading">{t('layers.flags.title')}</h2>
      <p>{t('layers.flags.intro')}</p>
      {layers.map((layer) => {
        const rows = flags.filter((f) => f.datasetId === layer);
        return (
          <div key={layer}>
            <h3>{t('layers.flags.count', { layer: titles.get(layer) ?? layer, count: rows.length })}</h3>
            <ul>
              {rows.flatMap((row) =>
                row.references.map((r) => {
                  const href = recordHref(row.kind, row.id, row.meetingId);
                  const text = flagText(t, r, titles, row);
                  return <li key={`${row.kind}/${row.id}/${r.path}`}>{href ? <Link href={href}>{text}</Link> : text}</li>;
                }),
              )}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
