import { RowPlaceholder } from '../../components/Placeholder';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { LocalText } from '../../components/LocalText';
import { Page } from '../../components/Page';
import { useRowsByKeys } from '../../components/use-rows';
import { VirtualList } from '../../components/VirtualList';
import { db } from '../../db/db';
import { formatPartialDate, languageName } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';

const ROW_HEIGHT = 56;

export function SourcesPage() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const keys = useLiveQuery(async () => ((await db.sources.orderBy('date').primaryKeys()) as string[]).reverse(), []);
  const { rowAt, onRangeChange } = useRowsByKeys(db.sources, keys);
  return (
    <Page title={t('sources.title')} subtitle={keys && t('common.count', { count: keys.length })}>
      {keys && (
        <VirtualList
        restoreKey="sources"
          count={keys.length}
          rowHeight={ROW_HEIGHT}
          label={t('sources.listLabel')}
          onRangeChange={onRangeChange}
          renderRow={(index) => {
            const source = rowAt(index);
            return (
              <Link href={`/sources/${keys[index]}`} className="row-link">
                {!source && <RowPlaceholder />}
                {source && <span className="row-main"><LocalText value={source.title} /></span>}
                {source && (
                  <span className="row-meta">
                    {source.publisher}
                    {source.date && ` · ${formatPartialDate(source.date, language)}`} · {languageName(source.language, language)}
                    {source.authority && ` · ${t(`facts.authority.${source.authority}`)}`}
                  </span>
                )}
              </Link>
            );
          }}
        />
      )}
    </Page>
  );
}
