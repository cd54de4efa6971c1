import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';
import type { DiffPart } from '../../../shared/papers/diff';
import { Loading, Page } from '../../components/Page';
import { db } from '../../db/db';
import { formatDateTime } from '../../i18n/format';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { useMe } from '../comments/use-comments';
import { authorKey } from '../../../shared/collab/attribution';
import { changesByAuthor, GENERAL, type SectionChange } from './changes-since';
import { markSeen } from './seen-baseline';
import { useChangesSinceSeen } from './use-changes';

const FIELD_LABELS: Record<string, MessageKey> = {
  objectives: 'briefings.section.objectives',
  position: 'briefings.section.position',
  redLines: 'briefings.section.redLines',
  fallback: 'briefings.section.fallback',
  talkingPoints: 'briefings.section.talkingPoints',
  background: 'briefings.section.background',
  targets: 'briefings.section.targets',
  followUps: 'briefings.section.followUps',
  privateNotes: 'briefings.section.privateNotes',
  agendaTitle: 'changes.field.agendaTitle',
  title: 'changes.field.title',
  author: 'changes.field.author',
  delegation: 'changes.field.delegation',
  classification: 'changes.field.classification',
  status: 'changes.field.status',
  keyMessages: 'briefings.keyMessages',
  logistics: 'briefings.logistics',
  bilaterals: 'changes.field.bilaterals',
  members: 'changes.field.members',
  contacts: 'changes.field.contacts',
};

/** A word diff: removed words struck through, added words marked, each named for screen readers. */
function Diff({ parts }: { parts: DiffPart[] }) {
  const t = useT();
  return (
    <p className="word-diff">
      {parts.map((part, i) =>
        part.op === 'equal' ? (
          <span key={i}>{part.after ?? part.text}</span>
        ) : part.op === 'insert' ? (
          <ins key={i} aria-label={`${t('changes.inserted')}: ${part.text}`}>
            {part.text}
          </ins>
        ) : (
          <del key={i} aria-label={`${t('changes.deleted')}: ${part.text}`}>
            {part.text}
          </del>
        ),
      )}
    </p>
  );
}

function SectionChanges({ briefingId, section }: { briefingId: string; section: SectionChange }) {
  const t = useT();
  const title = section.sectionId === GENERAL ? t('comments.general') : section.title;
  const href = section.sectionId === GENERAL ? `/briefings/${briefingId}` : `/briefings/${briefingId}?item=${encodeURIComponent(section.agendaItemId ?? '')}`;
  return (
    <li className="changed-section" data-section={title}>
      <h3>
        {section.state === 'removed' ? title : <Link href={href}>{title}</Link>}
        {section.state !== 'changed' && <span className="badge"> {t(section.state === 'added' ? 'changes.added' : 'changes.removed')}</span>}
      </h3>
      <dl>
        {section.fields.map((field) => (
          <div key={field.field} className="changed-field">
            <dt>{FIELD_LABELS[field.field] ? t(FIELD_LABELS[field.field]!) : field.field}</dt>
            <dd>
              <Diff parts={field.parts} />
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

/** "What changed since you last looked", by author, with the differences and "Mark as seen". */
export function ChangesPage({ id }: { id: string }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const briefing = useLiveQuery(() => db.briefings.get(id), [id]);
  const me = useMe(id, briefing?.author || t('comments.me'));
  const seen = useChangesSinceSeen(id, true);
  const [marked, setMarked] = useState(false);
  if (briefing === undefined || seen === undefined) return <Loading />;
  const groups = seen ? changesByAuthor(seen.changes, me ? { memberId: me.memberId, name: me.name } : undefined) : [];
  const mine = me ? authorKey({ memberId: me.memberId, name: me.name }) : undefined;

  return (
    <Page
      title={t('changes.title')}
      subtitle={
        <>
          <Link href={`/briefings/${id}`}>{t('changes.back')}</Link>
          {seen && ` · ${t('changes.since', { at: formatDateTime(seen.at, language, 'medium', 'short') })}`}
        </>
      }
      actions={
        <button
          type="button"
          onClick={() =>
            void markSeen(id).then(
              () => setMarked(true),
              (error: unknown) => console.error('Could not mark the briefing as seen', error),
            )
          }
        >
          {t('changes.markSeen')}
        </button>
      }
    >
      {marked && <p role="status">{t('changes.marked')}</p>}
      {groups.length === 0 ? (
        <p>{t('changes.none')}</p>
      ) : (
        groups.map((group) => (
          <section key={authorKey(group.author)} className="changes-by-author" aria-label={group.author ? group.author.name : t('changes.unknown')}>
            <h2>{!group.author ? t('changes.unknown') : authorKey(group.author) === mine ? t('changes.you') : t('changes.byAuthor', { name: group.author.name || t('comments.me') })}</h2>
            <ul>
              {group.sections.map((section) => (
                <SectionChanges key={section.sectionId} briefingId={id} section={section} />
              ))}
            </ul>
          </section>
        ))
      )}
    </Page>
  );
}
