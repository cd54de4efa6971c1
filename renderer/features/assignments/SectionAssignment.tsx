import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { delegateMember, LOCAL_MEMBER } from '../../../shared/assignments/assignment';
import { db } from '../../db/db';
import { formatDateTime } from '../../i18n/format';
import '../clearance/clearance.css';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { shareRecordFor } from '../sharing/share-record';
import { useMayLead } from '../clearance/use-control';
import { MarkingNeedsPassphraseError } from '../lock/marking-guard';
import { assignmentRowId } from './assignment-rows';
import { setSectionAssignment } from './assign-section';

interface Candidate {
  memberId: string;
  label: string;
  name: string;
}

/** Who drafts this section: a choice for the lead, a line for everyone else. */
export function SectionAssignment({ briefingId, sectionId }: { briefingId: string; sectionId: string }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const id = useId();
  const mayLead = useMayLead(briefingId);
  const [message, setMessage] = useState('');
  const assignment = useLiveQuery(async () => (await db.assignments.get(assignmentRowId(briefingId, sectionId))) ?? null, [briefingId, sectionId]);
  const who = useLiveQuery(async () => {
    const [record, briefing] = await Promise.all([shareRecordFor(briefingId), db.briefings.get(briefingId)]);
    return { record, briefing };
  }, [briefingId]);
  if (assignment === undefined || who === undefined) return null;
  const { record, briefing } = who;
  const mine = new Set(record ? [record.memberId, ...(record.role === 'lead' ? [LOCAL_MEMBER] : [])] : [LOCAL_MEMBER]);
  const candidates: Candidate[] = record?.members
    ? record.members.map((m) => ({ memberId: m.memberId, name: m.name, label: m.memberId === record.memberId ? t('assignments.meNamed', { name: m.name }) : t('assignments.withRole', { name: m.name, role: t(`sharing.role.${m.role}`) }) }))
    : [
        { memberId: LOCAL_MEMBER, name: briefing?.author.trim() || t('assignments.me'), label: briefing?.author.trim() ? t('assignments.meNamed', { name: briefing.author.trim() }) : t('assignments.me') },
        ...(record ? [] : (briefing?.members ?? []).filter((m) => m.name.trim()).map((m) => ({ memberId: delegateMember(m.id), name: m.name, label: m.role ? t('assignments.withRole', { name: m.name, role: m.role }) : m.name }))),
      ];
  if (assignment && !candidates.some((c) => c.memberId === assignment.memberId)) candidates.push({ memberId: assignment.memberId, name: assignment.name, label: assignment.name });
  const shown = assignment ? (mine.has(assignment.memberId) ? t('assignments.meNamed', { name: assignment.name || t('assignments.me') }) : assignment.name) : t('assignments.none');

  const choose = async (memberId: string) => {
    const candidate = candidates.find((c) => c.memberId === memberId);
    try {
      await setSectionAssignment(briefingId, sectionId, candidate && { memberId: candidate.memberId, name: candidate.name }, t('assignments.me'));
      setMessage(candidate ? t('assignments.saved', { name: candidate.name }) : t('assignments.unassigned'));
    } catch (error) {
      if (error instanceof MarkingNeedsPassphraseError) return setMessage(t('control.save.needsPassphrase', { marking: error.marking }));
      setMessage(t('assignments.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <div className="section-assignment">
      {mayLead ? (
        <label htmlFor={id}>
          {t('assignments.label')}{' '}
          <select id={id} value={assignment?.memberId ?? ''} onChange={(e) => void choose(e.target.value)}>
            <option value="">{t('assignments.none')}</option>
            {candidates.map((c) => (
              <option key={c.memberId} value={c.memberId}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p>
          {t('assignments.label')}: <strong>{shown}</strong>
        </p>
      )}
      {assignment && <span className="muted"> {t('assignments.assignedBy', { name: assignment.by, date: formatDateTime(assignment.at, language) })}</span>}
      <span role="status" className="visually-hidden">
        {message}
      </span>
    </div>
  );
}
