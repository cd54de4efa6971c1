import { useT } from '../../i18n/use-t';
import { LanguageSwitcher } from '../settings/LanguageSwitcher';
import { useOverlayStore } from './overlays';
import { modKey } from './registry';

/** Back, forward, search and language in the header: the desktop habits made visible. */
export function HeaderTools() {
  const t = useT();
  const open = useOverlayStore((s) => s.open);
  return (
    <div className="header-tools">
      <button type="button" className="header-button" aria-label={t('header.back')} title={`${t('header.back')} (Alt+←)`} onClick={() => history.back()}>
        <span aria-hidden="true">←</span>
      </button>
      <button type="button" className="header-button" aria-label={t('header.forward')} title={`${t('header.forward')} (Alt+→)`} onClick={() => history.forward()}>
        <span aria-hidden="true">→</span>
      </button>
      <button type="button" className="header-button search-button" onClick={() => open('palette')} aria-keyshortcuts="Control+K Meta+K">
        {t('search.open')} <kbd aria-hidden="true">{modKey()}+K</kbd>
      </button>
      <LanguageSwitcher className="header-language" label={t('header.language')} />
    </div>
  );
}
