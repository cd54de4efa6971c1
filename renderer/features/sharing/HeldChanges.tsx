import { useCallback, useEffect, useId, useState } from 'react';
import type { HeldChangeView } from '../../../shared/collab/relay-api';
import { relayTargetFor } from '../../collab/briefing-relay';
import { acceptHeldEdit, declineHeldEdit, listHeldEdits, type HeldEditsTarget } from '../../collab/held-edits-client';
import { relayCallErrorCode } from '../../collab/relay-http';
import { formatDateTime } from '../../i18n/format';
import { catalogs, type MessageKey } from '../../i18n/translate';
import { useT, type T } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { heldAuthors, placeLabel } from './held-words';
import type { ShareRecord } from './share-record';
import { sharingMessage } from './sharing-messages';

/** A failure as the lead reads it: the held-changes sentence when there is one, else the relay's. */
function failureText(t: T, code: string): string {
  const key = `held.error.${code}`;
  return Object.hasOwn(catalogs.en, key) ? t(key as MessageKey) : sharingMessage(t, code);
}

type Decision = { heldId: string; kind: 'accept' | 'decline' };

/**
 * The lead's list of colleagues' changes the relay holds (relay/held-edits.ts): whose words,
 * uploaded by whom and when, where they write and a preview; Accept applies them to the briefing
 * for everyone, Decline deletes them. Read again after each decision and whenever the relay says
 * the list changed (`held-changed` on the lead's connection), and on every reconnect.
 */
export function HeldChanges({ briefingId, record }: { briefingId: string; record: ShareRecord }) {
  const t = useT();
  const id = useId();
  const language = useAppStore((s) => s.language);
  const pushed = useAppStore((s) => (s.draft?.briefing.id === briefingId ? s.heldChanged : 0));
  const synced = useAppStore((s) => s.draft?.briefing.id === briefingId && s.relay?.state === 'synced');
  const [held, setHeld] = useState<HeldChangeView[] | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [note, setNote] = useState<string | undefined>();
  const [deciding, setDeciding] = useState<Decision | undefined>();

  const target = useCallback(async (): Promise<HeldEditsTarget | undefined> => {
    const relay = await relayTargetFor(briefingId);
    return relay && { relayUrl: record.relayUrl, documentId: record.documentId, credential: relay.credential };
  }, [briefingId, record.relayUrl, record.documentId]);

  /** Reads the list; a failure already shown (a refused decision) stays unless `clear`. */
  const load = useCallback(
    async (clear = true) => {
      try {
        const to = await target();
        if (!to) return;
        setHeld(await listHeldEdits(to));
        if (clear) setFailure(undefined);
      } catch (error) {
        setFailure(failureText(t, relayCallErrorCode(error)));
      }
    },
    [target, t],
  );

  useEffect(() => {
    void load();
  }, [load, pushed, synced]);

  const decide = async (change: HeldChangeView, kind: Decision['kind']) => {
    setDeciding({ heldId: change.heldId, kind });
    setNote(undefined);
    setFailure(undefined);
    const names = heldAuthors(t, change, language);
    try {
      const to = await target();
      if (!to) return;
      setHeld(await (kind === 'accept' ? acceptHeldEdit(to, change.heldId) : declineHeldEdit(to, change.heldId)));
      setNote(t(kind === 'accept' ? 'held.accepted' : 'held.declined', { names }));
    } catch (error) {
      const code = relayCallErrorCode(error);
      setFailure(failureText(t, code));
      // What the relay holds now (another lead decided, a refused change stays): unless it cannot be reached.
      if (code !== 'unreachable') await load(false);
    } finally {
      setDeciding(undefined);
    }
  };

  return (
    <section className="held-changes" aria-labelledby={`${id}-h`} aria-busy={held === undefined && !failure}>
      <h3 id={`${id}-h`}>
        {t('held.title')}{' '}
        <button type="button" onClick={() => void load()} disabled={deciding !== undefined}>
          {t('held.refresh')}
        </button>
      </h3>
      <p className="muted">{t('held.intro')}</p>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      <p role="status">{note ?? (held === undefined && !failure ? t('held.loading') : held?.length === 0 ? t('held.empty') : '')}</p>
      {held && held.length > 0 && (
        <ul className="held-list">
          {held.map((change) => {
            const names = heldAuthors(t, change, language);
            const busy = deciding?.heldId === change.heldId;
            return (
              <li key={change.heldId} className="held-change" aria-labelledby={`${id}-${change.heldId}`} data-held={change.heldId}>
                <h4 id={`${id}-${change.heldId}`}>{t('held.whose', { names })}</h4>
                <p className="muted">
                  {t('held.uploadedBy', { name: change.uploadedBy.name ?? t('held.formerMember'), time: formatDateTime(change.at, language) })}
                </p>
                <dl>
                  <dt>{t('held.where')}</dt>
                  <dd>
                    {change.places.length > 0 ? (
                      <ul>
                        {change.places.map((place) => (
                          <li key={`${place.sectionId ?? ''}:${place.field}`}>{placeLabel(t, place)}</li>
                        ))}
                      </ul>
                    ) : (
                      t('held.otherPart')
                    )}
                  </dd>
                  <dt>{t('held.preview')}</dt>
                  <dd>{change.preview ? <blockquote className="held-preview">{change.preview}</blockquote> : <span className="muted">{t('held.noText')}</span>}</dd>
                </dl>
                <button type="button" disabled={deciding !== undefined} aria-label={t('held.acceptNamed', { names })} onClick={() => void decide(change, 'accept')}>
                  {busy && deciding.kind === 'accept' ? t('held.accepting') : t('held.accept')}
                </button>{' '}
                <button type="button" disabled={deciding !== undefined} aria-label={t('held.declineNamed', { names })} onClick={() => void decide(change, 'decline')}>
                  {busy && deciding.kind === 'decline' ? t('held.declining') : t('held.decline')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
