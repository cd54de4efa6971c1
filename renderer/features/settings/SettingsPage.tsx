import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { AppInfo } from '../../../shared/ipc/contract';
import { Page } from '../../components/Page';
import { useT } from '../../i18n/use-t';
import { desktopApi } from '../../platform/platform';
import { ShortcutTable } from '../shortcuts/HelpOverlay';
import { LanguageSwitcher } from './LanguageSwitcher';

/** Interface language, appearance, data (datasets and backup), keyboard shortcuts and about. */
export function SettingsPage() {
  const t = useT();
  const [info, setInfo] = useState<AppInfo | undefined>();
  useEffect(() => {
    void desktopApi()
      ?.getAppInfo()
      .then((r) => r.ok && setInfo(r.value));
  }, []);
  return (
    <Page title={t('settings.title')}>
      <section className="panel" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.languageHeading')}</h2>
        <LanguageSwitcher className="setting-field" />
        <p className="muted">{t('settings.languageHint')}</p>
      </section>
      <section className="panel" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">{t('settings.appearance')}</h2>
        <p>{t('settings.appearanceText')}</p>
      </section>
      <section className="panel" aria-labelledby="settings-data">
        <h2 id="settings-data">{t('settings.data')}</h2>
        <p>{t('settings.dataText')}</p>
        <ul className="plain-list">
          <li>
            <Link href="/datasets">{t('settings.openDatasets')}</Link>
          </li>
          <li>
            <Link href="/backup">{t('settings.openBackup')}</Link>
          </li>
          <li>
            <Link href="/settings/security">{t('security.link')}</Link>
          </li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="settings-shortcuts">
        <h2 id="settings-shortcuts">{t('shortcuts.title')}</h2>
        <ShortcutTable />
      </section>
      <section className="panel" aria-labelledby="about" id="about-section">
        <h2 id="about">{t('settings.about')}</h2>
        <p>{t('app.name')}</p>
        <p className="muted">{info ? t('settings.version', { version: info.version }) : t('settings.webMode')}</p>
      </section>
    </Page>
  );
}
