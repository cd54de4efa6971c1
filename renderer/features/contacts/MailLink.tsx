import type { MouseEvent } from 'react';
import { toSafeMailtoUrl } from '../../../shared/mailto-url';
import { useT } from '../../i18n/use-t';
import { desktopApi } from '../../platform/platform';

/**
 * A contact's e-mail address as a mailto link, only when it is a plain address (the dataset's
 * schema already holds it to that). In the desktop app a click goes to main, which builds and
 * checks the mailto itself (shell:compose-email); a web page's browser opens the link as it is.
 */
export function MailLink({ email, name }: { email: string; name: string }) {
  const t = useT();
  const href = toSafeMailtoUrl({ to: email });
  if (href === undefined) return <span>{email}</span>;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const api = desktopApi();
    if (!api) return;
    event.preventDefault();
    void api.composeEmail(email).then((result) => {
      if (!result.ok || !result.value.opened) console.warn(t('contacts.emailRefused'));
    });
  };
  return (
    <a href={href} onClick={onClick} title={t('contacts.writeEmail', { name })}>
      {email}
    </a>
  );
}
