import type { Certainty, CertaintyNote } from '../../../shared/model';
import { fieldNotes } from '../../../shared/model/certainty-paths';
import { LocalText } from '../../components/LocalText';
import { useT } from '../../i18n/use-t';
import { SourceLinks } from './SourceLinks';

/** How sure a fact is: a badge (verified, partly, unverified, conflicting), its note, and the sources on each side. */
export function CertaintyBadge({ note }: { note: CertaintyNote }) {
  const t = useT();
  const level = t(`facts.certainty.${note.level}`);
  return (
    <span className="certainty-note">
      <span className={`badge certainty certainty-${note.level}`} title={t('facts.certainty.of', { level })}>
        <span className="visually-hidden">{t('facts.certainty.of', { level: '' })}</span>
        {level}
      </span>
      {note.note && (
        <small className="muted">
          {' '}
          <LocalText value={note.note} />
        </small>
      )}
      {note.supportedBy && note.supportedBy.length > 0 && (
        <small className="muted">
          {' '}
          {t('facts.certainty.supportedBy')}: <SourceLinks ids={note.supportedBy} />
        </small>
      )}
      {note.contradictedBy && note.contradictedBy.length > 0 && (
        <small className="muted">
          {' '}
          {t('facts.certainty.contradictedBy')}: <SourceLinks ids={note.contradictedBy} />
        </small>
      )}
    </span>
  );
}

/**
 * The badges for one field of a record and its parts (`venue` shows a note on `venue.city`
 * too), or nothing when the publisher said nothing about them.
 */
export function FieldCertainty({ certainty, field }: { certainty: Certainty | undefined; field: string }) {
  const notes = fieldNotes(certainty, [field]);
  if (notes.length === 0) return null;
  return (
    <>
      {notes.map((note, i) => (
        <span key={i}>
          {i > 0 && ' '}
          <CertaintyBadge note={note} />
        </span>
      ))}
    </>
  );
}

/** The badge for a whole record. */
export function RecordCertainty({ certainty }: { certainty: Certainty | undefined }) {
  return certainty?.record ? (
    <p className="record-certainty">
      <CertaintyBadge note={certainty.record} />
    </p>
  ) : null;
}
