import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { db } from '../db/db';
import { useT } from '../i18n/use-t';
import { useLocalString } from './LocalText';
import { TextPlaceholder } from './Placeholder';

/*
 * Links to records named by id. The link's text is always the record's name: a placeholder of
 * the same size while the records load, and for an id the dataset does not have (a dangling
 * reference), plain text that says so instead of a link to nowhere.
 */

export interface Named {
  href: string;
  label: string;
  title: string;
}

export function RecordLinks({ ids, records }: { ids: readonly string[]; records: (Named | undefined)[] | undefined }) {
  const t = useT();
  if (ids.length === 0) return null;
  return (
    <ul className="inline-list" aria-busy={records === undefined}>
      {ids.map((id, i) => {
        if (records === undefined) {
          return (
            <li key={id}>
              <TextPlaceholder />
            </li>
          );
        }
        const record = records[i];
        return (
          <li key={id}>
            {record ? (
              <Link href={record.href} title={record.title}>
                {record.label}
              </Link>
            ) : (
              <span className="muted">{t('records.missing', { id })}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Links to bodies by id, shown by acronym with the full name on hover. */
export function BodyLinks({ ids }: { ids: readonly string[] }) {
  const bodies = useLiveQuery(() => db.bodies.bulkGet([...ids]), [ids.join('|')]);
  const name = useLocalString();
  const records = bodies?.map((body) => body && { href: `/bodies/${body.id}`, label: body.acronym, title: name(body.name) });
  return <RecordLinks ids={ids} records={records} />;
}

/** Links to meetings by id, shown by code with the title on hover. */
export function MeetingLinks({ ids }: { ids: readonly string[] }) {
  const meetings = useLiveQuery(() => db.meetings.bulkGet([...ids]), [ids.join('|')]);
  const name = useLocalString();
  const records = meetings?.map((meeting) => meeting && { href: `/meetings/${meeting.id}`, label: meeting.code, title: name(meeting.title) });
  return <RecordLinks ids={ids} records={records} />;
}
