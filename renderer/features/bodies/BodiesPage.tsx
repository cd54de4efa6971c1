import { TextPlaceholder } from '../../components/Placeholder';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import { allNodeKeys, buildBodyTree, visibleTreeRows, type TreeRow } from '../../../shared/browse/body-tree';
import { LocalText } from '../../components/LocalText';
import { Loading, Page } from '../../components/Page';
import { VirtualList } from '../../components/VirtualList';
import { db } from '../../db/db';
import type { StoredBody } from '../../db/schema';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';

const ROW_HEIGHT = 52;

export function BodiesPage() {
  const t = useT();
  const bodies = useLiveQuery(() => db.bodies.toArray(), []);
  const expanded = useAppStore((s) => s.expanded);
  const toggleNode = useAppStore((s) => s.toggleNode);
  const setExpanded = useAppStore((s) => s.setExpanded);
  const byId = useMemo(() => new Map((bodies ?? []).map((b) => [b.id, b])), [bodies]);
  const tree = useMemo(() => buildBodyTree(bodies ?? []), [bodies]);
  const rows = useMemo(() => visibleTreeRows(tree, expanded), [tree, expanded]);

  if (!bodies) return <Loading />;
  return (
    <Page
      title={t('bodies.title')}
      subtitle={t('common.count', { count: bodies.length })}
      actions={
        <>
          <button type="button" onClick={() => setExpanded(allNodeKeys(tree))}>
            {t('bodies.expandAll')}
          </button>
          <button type="button" onClick={() => setExpanded([])}>
            {t('bodies.collapseAll')}
          </button>
        </>
      }
    >
      <VirtualList
        restoreKey="bodies"
        role="tree"
        count={rows.length}
        rowHeight={ROW_HEIGHT}
        label={t('bodies.treeLabel')}
        renderRow={(index) => <TreeRowView row={rows[index]!} body={rows[index]!.type === 'body' ? byId.get((rows[index] as { id: string }).id) : undefined} onToggle={toggleNode} />}
      />
    </Page>
  );
}

function TreeRowView({ row, body, onToggle }: { row: TreeRow; body: StoredBody | undefined; onToggle: (key: string) => void }) {
  const t = useT();
  const onKeyDown = (event: KeyboardEvent) => {
    if (!row.hasChildren) return;
    if ((event.key === 'ArrowRight' && !row.expanded) || (event.key === 'ArrowLeft' && row.expanded)) {
      event.preventDefault();
      onToggle(row.key);
    }
  };
  const label = row.type === 'pillar' ? t(`pillar.${row.pillar}`) : body?.acronym;
  return (
    <div
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-selected={false}
      className={`tree-row depth-${Math.min(row.depth, 6)} ${row.type}`}
      style={{ paddingInlineStart: `${row.depth * 1.5 + 0.5}rem` }}
      onKeyDown={onKeyDown}
    >
      {row.hasChildren ? (
        <button
          type="button"
          className="toggle"
          aria-label={`${row.expanded ? t('bodies.collapse') : t('bodies.expand')} ${label ?? t('common.loading')}`}
          onClick={() => onToggle(row.key)}
        >
          {row.expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="toggle-spacer" aria-hidden="true" />
      )}
      {row.type === 'pillar' ? (
        <span className="pillar-label">
          {label} <span className="muted">({row.count})</span>
        </span>
      ) : (
        <Link href={`/bodies/${row.id}`} className="tree-link">
          <strong>{label ?? <TextPlaceholder />}</strong>{' '}
          {body && (
            <span className="tree-name">
              <LocalText value={body.name} />
            </span>
          )}
          {body && <span className={`badge level-${body.level}`}>{t(`level.${body.level}`)}</span>}
        </Link>
      )}
    </div>
  );
}
