import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useT } from '../i18n/use-t';
import { ReferenceFlagNotice } from './ReferenceFlagNotice';

/**
 * A page with its heading focused on arrival, so keyboard and screen-reader users land
 * at the top of the new content after following a link.
 */
export function Page({ title, subtitle, children, actions }: { title: ReactNode; subtitle?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const t = useT();
  const [location] = useLocation();
  // The window's title follows the heading's text whenever it renders (a title is often a new element each time).
  useEffect(() => {
    const text = heading.current?.textContent ?? '';
    document.title = text ? `${text} · ${t('app.name')}` : t('app.name');
  });
  // Focus only on arrival at an address: a re-render (the programme loading, a record updated)
  // must not pull a keyboard user back to the heading from where they were.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [location]);
  return (
    <article className="page">
      <header className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {subtitle && <div className="subtitle">{subtitle}</div>}
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      <ReferenceFlagNotice />
      {children}
    </article>
  );
}

export function NotFound({ what, id }: { what: string; id: string }) {
  const t = useT();
  return (
    <Page title={t('common.notFound', { what, id })}>
      <p>
        <Link href="/">{t('common.backHome')}</Link>
      </p>
    </Page>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A labelled field in a definition list; renders nothing when there is no value. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  if (children === undefined || children === null || children === false || (Array.isArray(children) && children.length === 0)) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
