import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { LocalText } from '../../components/LocalText';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';

/** Links to sources by id, with their titles, inline ("NRES media statement, ADMM press release"). */
export function SourceLinks({ ids }: { ids: readonly string[] }) {
  const t = useT();
  const sources = useLiveQuery(() => db.sources.bulkGet([...ids]), [ids.join('|')]);
  return (
    <>
      {ids.map((id, i) => {
        const source = sources?.[i];
        return (
          <span key={id}>
            {i > 0 && ', '}
            {source ? (
              <Link href={`/sources/${id}`}>
                <LocalText value={source.title} />
              </Link>
            ) : sources === undefined ? (
              id
            ) : (
              <span className="muted">{t('records.missing', { id })}</span>
            )}
          </span>
        );
      })}
    </>
  );
}
