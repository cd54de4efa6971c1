import { useT } from '../i18n/use-t';

/*
 * What stands in for a record's name while it loads: a grey bar about as wide as a name, so
 * the page does not jump when the name arrives and never shows the raw id in its place.
 * Screen readers hear "Loading…" instead.
 */

export function TextPlaceholder({ width = '4.5em' }: { width?: string }) {
  const t = useT();
  return (
    <span className="text-placeholder" style={{ width }}>
      <span className="visually-hidden">{t('common.loading')}</span>
    </span>
  );
}

/** A list row's two lines while its record loads. */
export function RowPlaceholder() {
  const t = useT();
  return (
    <>
      <span className="row-main" aria-hidden="true">
        <span className="text-placeholder" style={{ width: '60%' }} />
      </span>
      <span className="row-meta" aria-hidden="true">
        <span className="text-placeholder" style={{ width: '30%' }} />
      </span>
      <span className="visually-hidden">{t('common.loading')}</span>
    </>
  );
}
