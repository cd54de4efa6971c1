import type { MessageKey } from '../../i18n/translate';
import type { T } from '../../i18n/use-t';
import type { FlaggedReference } from '../../datasets/types';

/**
 * The sentence for a layer's reference that names a record its base no longer has:
 * "meeting my-aha-2025: refers to body “aha-centre”, which ASEAN meetings and bodies no longer has."
 * `titles` names the installed datasets; a base no longer installed is named by its id.
 */
export function flagText(t: T, reference: Pick<FlaggedReference, 'target' | 'targetId' | 'baseId'>, titles: ReadonlyMap<string, string>, record?: { kind: FlaggedReference['kind']; id: string }): string {
  const target = t(`layers.target.${reference.target}` as MessageKey);
  const base = reference.baseId === undefined ? undefined : (titles.get(reference.baseId) ?? reference.baseId);
  if (record) {
    const kind = t(`layers.target.${record.kind}` as MessageKey);
    return base === undefined
      ? t('layers.flag.rowNoBase', { kind, id: record.id, target, targetId: reference.targetId })
      : t('layers.flag.row', { kind, id: record.id, target, targetId: reference.targetId, base });
  }
  return base === undefined ? t('layers.flag.referenceNoBase', { target, targetId: reference.targetId }) : t('layers.flag.reference', { target, targetId: reference.targetId, base });
}

/** Where a record is shown: its own page, or (an agenda item) its meeting's. */
export function recordHref(kind: FlaggedReference['kind'], id: string, meetingId?: string): string | undefined {
  switch (kind) {
    case 'bodies':
    case 'meetings':
    case 'targets':
    case 'frameworks':
    case 'sources':
    case 'contacts':
      return `/${kind}/${id}`;
    case 'agendaItems':
      return meetingId === undefined ? undefined : `/meetings/${meetingId}`;
  }
}
