import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import type { SearchHit } from '../../../shared/search';
import { useT } from '../../i18n/use-t';
import { useOverlayStore } from '../shortcuts/overlays';
import { HitView, useKindLabel } from './HitView';
import { recordRecent, useRecentKeys } from './recent';
import { groupByKind, preparingText, useDescribedHits, useIndexStatus, useSearchResults, type HitGroup } from './use-search';

/** Ctrl/Cmd+K: search everything and open a result without leaving the keyboard. */
export function CommandPalette() {
  const open = useOverlayStore((s) => s.overlay === 'palette');
  return open ? <PaletteDialog /> : null;
}

/** Rows the palette shows: a screenful and some; Ctrl+Enter opens every result. Fewer rows paint sooner. */
const LIMIT = 20;

function PaletteDialog() {
  const t = useT();
  const kindLabel = useKindLabel();
  const close = useOverlayStore((s) => s.close);
  const [, navigate] = useLocation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { result, indexReady } = useSearchResults(query, LIMIT);
  const status = useIndexStatus();
  const recentKeys = useRecentKeys();
  const recent = useDescribedHits(recentKeys);

  const showingRecent = query.trim() === '';
  const groups: HitGroup[] = useMemo(
    () => (showingRecent ? (recent.length ? [{ kind: 'recent', hits: recent }] : []) : groupByKind(result?.hits ?? [])),
    [showingRecent, recent, result],
  );
  const flat = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const activeIndex = Math.min(active, Math.max(0, flat.length - 1));
  const optionId = (i: number) => `${id}-option-${i}`;

  // Focus goes into the dialog on open and back where it was on close.
  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => {
      if (returnTo && document.contains(returnTo)) returnTo.focus();
    };
  }, []);

  useEffect(() => {
    document.getElementById(optionId(activeIndex))?.scrollIntoView?.({ block: 'nearest' });
  });

  const openHit = (hit: SearchHit) => {
    void recordRecent(hit.key).catch(() => undefined);
    close();
    navigate(hit.href);
  };
  const openAll = () => {
    close();
    navigate(`/search?q=${encodeURIComponent(query.trim())}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = flat.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        setActive(activeIndex >= last ? 0 : activeIndex + 1);
        break;
      case 'ArrowUp':
        setActive(activeIndex <= 0 ? last : activeIndex - 1);
        break;
      case 'PageDown':
        setActive(Math.min(last, activeIndex + 8));
        break;
      case 'PageUp':
        setActive(Math.max(0, activeIndex - 8));
        break;
      case 'Enter': {
        const hit = flat[activeIndex];
        if ((event.ctrlKey || event.metaKey || !hit) && query.trim()) openAll();
        else if (hit) openHit(hit);
        break;
      }
      case 'Escape':
        close();
        break;
      case 'Tab':
        // The dialog is modal: the input is its one stop; results are reached with the arrows.
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  let index = -1;
  const count = showingRecent ? recent.length : (result?.total ?? 0);
  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="palette" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="visually-hidden">
          {t('search.paletteTitle')}
        </h2>
        <input
          ref={input}
          className="palette-input"
          type="text"
          role="combobox"
          aria-label={t('search.inputLabel')}
          aria-expanded={flat.length > 0}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={flat.length > 0 ? optionId(activeIndex) : undefined}
          placeholder={t('search.placeholder')}
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <div id={`${id}-list`} role="listbox" aria-label={t('search.resultsLabel')} className="palette-list" data-query={showingRecent ? '' : (result?.query ?? '')}>
          {groups.map((group) => (
            <div key={group.kind} role="group" aria-labelledby={`${id}-group-${group.kind}`}>
              <div role="presentation" id={`${id}-group-${group.kind}`} className="palette-group">
                {group.kind === 'recent' ? t('search.recent') : kindLabel(group.kind)}
              </div>
              {group.hits.map((hit) => {
                index++;
                const i = index;
                return (
                  <div
                    key={hit.key}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === activeIndex}
                    className="palette-option"
                    onMouseMove={() => i !== activeIndex && setActive(i)}
                    onClick={() => openHit(hit)}
                  >
                    <HitView hit={hit} />
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <p className="palette-footer muted" role="status">
          {showingRecent
            ? recent.length === 0
              ? t('search.typeToSearch')
              : t('search.recentHint')
            : !status.ready
              ? preparingText(t, status)
              : !result
                ? t('common.loading') // the first answer is on its way: never "0 results" before it
                : result.query === query.trim() && result.total === 0
              ? indexReady
                ? t('search.noResults', { query: query.trim() })
                : t('search.preparing')
              : t('search.resultCount', { count })}
          <span aria-hidden="true"> · {t('search.paletteKeys')}</span>
        </p>
      </div>
    </div>
  );
}
