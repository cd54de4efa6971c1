import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useRoute } from 'wouter';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { LockButton } from '../lock/LockButton';
import { HeaderTools } from './HeaderTools';

export interface NavItem {
  href: string;
  /** Route pattern under which the item is the current page. */
  match: string;
  label: MessageKey;
}

function NavLink({ href, match, label }: NavItem) {
  const t = useT();
  const [active] = useRoute(match);
  const [framework] = useRoute('/frameworks/*?');
  const current = active || (href === '/targets' && framework);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {t(label)}
    </Link>
  );
}

/**
 * The application header: brand, main navigation and tools. From 1280 px every item shows in one
 * row in all three languages; narrower windows fold the navigation into a Menu button (a
 * disclosure that closes on Escape, on leaving it and on navigating), never clipping an item.
 */
export function AppHeader({ nav }: { nav: readonly NavItem[] }) {
  const t = useT();
  const navId = useId();
  const [open, setOpen] = useState(false);
  const [location] = useLocation();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLElement>(null);

  useEffect(() => setOpen(false), [location]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <header className="app-header">
      <Link href="/" className="brand">
        {t('app.name')}
      </Link>
      <button ref={button} type="button" className="header-button menu-button" aria-expanded={open} aria-controls={navId} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">☰</span> {t('header.menu')}
      </button>
      <nav
        ref={menu}
        id={navId}
        aria-label={t('nav.label')}
        className="primary-nav"
        data-open={open}
        onBlur={(event) => {
          if (open && !event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget !== button.current) setOpen(false);
        }}
      >
        {nav.map((item) => (
          <NavLink key={item.href} {...item} />
        ))}
      </nav>
      <HeaderTools />
      <LockButton />
    </header>
  );
}
