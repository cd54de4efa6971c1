import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { db } from '../db/db';
import { useLocalString } from './LocalText';

/** Links to bodies by id, shown by acronym with the full name on hover. */
export function BodyLinks({ ids }: { ids: readonly string[] }) {
  const bodies = useLiveQuery(() => db.bodies.bulkGet([...ids]), [ids.join('|')]);
  const name = useLocalString();
  if (ids.length === 0) return null;
  return (
    <ul className="inline-list">
      {ids.map((id, i) => {
        const body = bodies?.[i];
        return (
          <li key={id}>
            <Link href={`/bodies/${id}`} title={body ? name(body.name) : undefined}>
              {body?.acronym ?? id}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export function MeetingLinks({ ids }: { ids: readonly string[] }) {
  const meetings = useLiveQuery(() => db.meetings.bulkGet([...ids]), [ids.join('|')]);
  const name = useLocalString();
  if (ids.length === 0) return null;
  return (
    <ul className="inline-list">
      {ids.map((id, i) => {
        const meeting = meetings?.[i];
        return (
          <li key={id}>
            <Link href={`/meetings/${id}`} title={meeting ? name(meeting.title) : undefined}>
              {meeting?.code ?? id}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
