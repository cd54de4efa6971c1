import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { useLocalString } from '../../components/LocalText';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';

/**
 * A body or meeting a contact is named for, as one inline link (its acronym or code, the full
 * name on hover): BodyLinks lays out a list, which breaks a sentence such as "Focal point · ASOEN".
 */
export function RecordName({ kind, id }: { kind: 'bodies' | 'meetings'; id: string }) {
  const t = useT();
  const name = useLocalString();
  const record = useLiveQuery(async () => {
    if (kind === 'bodies') {
      const body = await db.bodies.get(id);
      return body ? { label: body.acronym, name: body.name } : null;
    }
    const meeting = await db.meetings.get(id);
    return meeting ? { label: meeting.code, name: meeting.title } : null;
  }, [kind, id]);
  if (record === undefined) return <span aria-busy="true">{id}</span>;
  if (record === null) return <span className="muted">{t('records.missing', { id })}</span>;
  return (
    <Link href={`/${kind}/${id}`} title={name(record.name)}>
      {record.label}
    </Link>
  );
}
