import type { FieldChange, FieldRef } from '../../../shared/clearance/briefing-diff';
import type { DiffPart } from '../../../shared/papers/diff';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';

type T = ReturnType<typeof useT>;

const GENERAL_LABELS: Record<Extract<FieldRef, { kind: 'general' }>['field'], MessageKey> = {
  title: 'briefings.titleField',
  author: 'briefings.author',
  classification: 'briefings.classification',
  keyMessages: 'briefings.keyMessages',
  bilaterals: 'briefings.bilaterals',
  members: 'briefings.members',
  contacts: 'briefings.contacts',
  logistics: 'briefings.logistics',
};

export function fieldLabel(t: T, ref: FieldRef): string {
  switch (ref.kind) {
    case 'text':
      return ref.field === 'agendaTitle' ? t('clearance.field.agendaTitle') : t(`briefings.section.${ref.field}`);
    case 'talkingPoint':
      return t('clearance.field.talkingPoint', { number: ref.number });
    case 'followUp':
      return t('clearance.field.followUp', { number: ref.number });
    case 'target':
      return t('clearance.field.target', { id: ref.targetId });
    case 'general':
      return t(GENERAL_LABELS[ref.field]);
  }
}

/** A text with what was removed struck through and what was added underlined (and said, for screen readers). */
export function DiffText({ parts }: { parts: readonly DiffPart[] }) {
  const t = useT();
  return (
    <p className="clearance-diff-text">
      {parts.map((part, i) =>
        part.op === 'equal' ? (
          <span key={i}>{part.after ?? part.text}</span>
        ) : part.op === 'delete' ? (
          <del key={i}>
            <span className="visually-hidden">{t('clearance.removedMark')} </span>
            {part.text}
          </del>
        ) : (
          <ins key={i}>
            <span className="visually-hidden">{t('clearance.addedMark')} </span>
            {part.text}
          </ins>
        ),
      )}
    </p>
  );
}

/** Every changed field of one part of the brief, word by word. */
export function FieldChanges({ fields }: { fields: readonly FieldChange[] }) {
  const t = useT();
  if (fields.length === 0) return <p className="muted">{t('clearance.onlyOrder')}</p>;
  return (
    <dl className="clearance-fields">
      {fields.map((field, i) => (
        <div key={i} className={`clearance-field ${field.change}`}>
          <dt>
            {fieldLabel(t, field.ref)} <span className="muted">({t(`clearance.change.${field.change}`)})</span>
          </dt>
          <dd>
            <DiffText parts={field.parts} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
