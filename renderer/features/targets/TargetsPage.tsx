import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { LocalText } from '../../components/LocalText';
import { Loading, Page } from '../../components/Page';
import { VirtualList } from '../../components/VirtualList';
import { db } from '../../db/db';
import type { StoredFramework, StoredTarget } from '../../db/schema';
import { useT } from '../../i18n/use-t';

type Row = { type: 'framework'; framework: StoredFramework; count: number } | { type: 'target'; target: StoredTarget };

const ROW_HEIGHT = 56;

/** Outcome targets grouped under their frameworks, in the frameworks' own numbering. */
export function TargetsPage() {
  const t = useT();
  const data = useLiveQuery(async () => {
    const [frameworks, targets] = await Promise.all([db.frameworks.toArray(), db.targets.toArray()]);
    return { frameworks, targets };
  }, []);
  const rows = useMemo(() => {
    if (!data) return [];
    const byFramework = new Map<string, StoredTarget[]>();
    for (const target of data.targets) {
      const list = byFramework.get(target.frameworkId) ?? [];
      list.push(target);
      byFramework.set(target.frameworkId, list);
    }
    const frameworks = [...data.frameworks].sort((a, b) => (b.periodStart ?? '').localeCompare(a.periodStart ?? '') || a.id.localeCompare(b.id));
    const out: Row[] = [];
    for (const framework of frameworks) {
      const targets = (byFramework.get(framework.id) ?? []).sort((a, b) => a.order - b.order);
      out.push({ type: 'framework', framework, count: targets.length });
      for (const target of targets) out.push({ type: 'target', target });
    }
    return out;
  }, [data]);

  if (!data) return <Loading />;
  return (
    <Page title={t('targets.title')} subtitle={t('targets.count', { count: data.targets.length })}>
      <VirtualList
        restoreKey="targets"
        count={rows.length}
        rowHeight={ROW_HEIGHT}
        label={t('targets.listLabel')}
        renderRow={(index) => {
          const row = rows[index]!;
          if (row.type === 'framework') {
            return (
              <Link href={`/frameworks/${row.framework.id}`} className="row-link framework-row">
                <span className="row-main">
                  <strong>
                    <LocalText value={row.framework.title} />
                  </strong>
                </span>
                <span className="row-meta">
                  {t(`frameworkKind.${row.framework.kind}`)} · {t('targets.count', { count: row.count })}
                </span>
              </Link>
            );
          }
          return (
            <Link href={`/targets/${row.target.id}`} className="row-link target-row">
              <span className="row-main">
                <span className="code">{row.target.code}.</span> <LocalText value={row.target.text} />
              </span>
              <span className="row-meta">{t(`progress.${row.target.progress.status}`)}</span>
            </Link>
          );
        }}
      />
    </Page>
  );
}
