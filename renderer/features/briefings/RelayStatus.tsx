import { relayErrorFrom } from '../../../shared/collab/relay-protocol';
import { useT } from '../../i18n/use-t';
import { sharingMessage } from '../sharing/sharing-messages';
import { listNames } from '../sharing/held-words';
import { useAppStore } from '../../store/store';

/** Connected / offline with N changes waiting / synced, for a briefing shared through a relay. */
export function RelayStatusNote() {
  const t = useT();
  const relay = useAppStore((s) => s.relay);
  const notice = useAppStore((s) => s.relayNotice);
  const names = useAppStore((s) => s.relayNoticeNames);
  const language = useAppStore((s) => s.language);
  if (!relay) return null;
  const text =
    relay.state === 'refused'
      ? relayErrorFrom(relay.reason) ? sharingMessage(t, relay.reason) : t('collab.status.refused', { reason: relay.reason })
      : relay.state === 'synced'
        ? t('collab.status.synced')
        : t(`collab.status.${relay.state}`, { count: relay.waiting });
  return (
    <>
    <span className={`relay-state relay-${relay.state}`} role="status" aria-label={t('collab.status.label')} data-relay-state={relay.state}>
      {text}
    </span>
    {notice && (
      <span className="relay-notice" role="alert">
        {notice === 'edits-held' && names.length > 0 ? t('held.notice.named', { names: listNames(names, language) }) : sharingMessage(t, notice)}
      </span>
    )}
    </>
  );
}
