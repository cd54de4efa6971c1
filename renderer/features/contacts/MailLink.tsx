import { useState, type MouseEvent } from 'react';
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
  const [refused, setRefused] = useState(false);
  const href = toSafeMailtoUrl({ to: email });
  if (href === undefined) return <span>{email}</span>;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const api = desktopApi();
    if (!api) return;
    event.preventDefault();
    setRefused(false);
    // Main refused the address, or no mail program took it: say so beside the link (the address stays readable to copy).
    void api.composeEmail(email).then(
      (result) => setRefused(!result.ok || !result.value.opened),
      () => setRefused(true),
    );
  };
  return (
    <>
      <a href={href} onClick={onClick} title={t('contacts.writeEmail', { name })}>
        {email}
      </a>
      {refused && (
        <span role="alert">
          {' '}
          {t('contacts.emailRefused')}
        </span>
      )}
    </>
  );
}
