import { useLiveQuery } from 'dexie-react-hooks';
import { RecordLinks } from '../../components/BodyLinks';
import { useLocalString } from '../../components/LocalText';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';

/**
 * Links to outcome documents by id (an agenda item's or a target's `outcomeDocumentIds`): each to
 * its place on the page of the meeting that adopted it, which may belong to another dataset (a
 * national layer's item naming an ASEAN declaration). Found through the meetings' index of their
 * documents; an id no installed meeting holds reads "(not in the dataset)".
 */
export function OutcomeDocumentLinks({ ids }: { ids: readonly string[] }) {
  const t = useT();
  const name = useLocalString();
  const found = useLiveQuery(async () => {
    const meetings = ids.length === 0 ? [] : await db.meetings.where('outcomeDocumentIds').anyOf([...ids]).toArray();
    const byId = new Map(meetings.flatMap((m) => (m.outcomeDocuments ?? []).map((doc) => [doc.id, { meeting: m, doc }] as const)));
    return ids.map((id) => byId.get(id));
  }, [ids.join('|')]);
  const records = found?.map(
    (hit) =>
      hit && {
        href: `/meetings/${hit.meeting.id}#outcome-${hit.doc.id}`,
        label: name(hit.doc.title),
        title: `${t(`facts.type.${hit.doc.type}`)} · ${hit.meeting.code}`,
      },
  );
  return <RecordLinks ids={ids} records={records} />;
}
