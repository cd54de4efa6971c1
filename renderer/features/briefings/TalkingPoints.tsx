import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useKeepCaret } from './keep-caret';
import { PRIVATE_TEXT } from '../../components/private-text';
import type { TalkingPoint } from '../../../shared/briefing/model';
import { useT } from '../../i18n/use-t';
import { moveItem } from './move-item';
import { newId } from './repo';


/**
 * An ordered list of talking points: add, edit, remove, and reorder by keyboard
 * (Alt+Up/Down in a point, or the buttons) or by dragging the handle.
 */
export function TalkingPoints({
  points,
  review,
  onChange,
  fieldPrefix,
}: {
  points: TalkingPoint[];
  review: readonly string[];
  onChange: (field: string, points: TalkingPoint[]) => void;
  fieldPrefix: string;
}) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  const [dragFrom, setDragFrom] = useState<number | undefined>();
  const [announcement, setAnnouncement] = useState('');

  const focusPoint = (index: number) =>
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLTextAreaElement>('textarea')[index]?.focus());

  const move = (from: number, to: number) => {
    if (to < 0 || to >= points.length) return;
    onChange(`${fieldPrefix}.order`, moveItem(points, from, to));
    setAnnouncement(t('briefings.tp.moved', { n: to + 1 }));
    focusPoint(to);
  };

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!event.altKey) return;
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(index, index - 1);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(index, index + 1);
    }
  };

  const onDrop = (to: number) => (event: DragEvent) => {
    event.preventDefault();
    if (dragFrom !== undefined) move(dragFrom, to);
    setDragFrom(undefined);
  };

  return (
    <div className="talking-points">
      <p className="hint">{t('briefings.tp.dragHint')}</p>
      <ol ref={list}>
        {points.map((point, index) => {
          const n = index + 1;
          const flagged = review.includes(`tp:${point.id}`);
          return (
            <li
              key={point.id}
              className={`tp ${flagged ? 'needs-review' : ''} ${dragFrom === index ? 'dragging' : ''}`}
              onDragOver={(e) => e.preventDefault()}
              onDrop={onDrop(index)}
            >
              <span
                className="drag-handle"
                draggable
                aria-hidden="true"
                onDragStart={(e) => {
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', point.id);
                  setDragFrom(index);
                }}
                onDragEnd={() => setDragFrom(undefined)}
              >
                ⋮⋮
              </span>
              <PointText
                label={t('briefings.tp.label', { n })}
                value={point.text}
                onKeyDown={onKeyDown(index)}
                onChange={(text) => onChange(`tp:${point.id}`, points.map((p) => (p.id === point.id ? { ...p, text } : p)))}
              />
              {flagged && <span className="review-flag">{t('briefings.review')}</span>}
              <span className="tp-actions">
                <button type="button" aria-label={t('briefings.tp.moveUp', { n })} disabled={index === 0} onClick={() => move(index, index - 1)}>
                  ↑
                </button>
                <button type="button" aria-label={t('briefings.tp.moveDown', { n })} disabled={index === points.length - 1} onClick={() => move(index, index + 1)}>
                  ↓
                </button>
                <button type="button" aria-label={t('briefings.tp.remove', { n })} onClick={() => onChange(`${fieldPrefix}.remove`, points.filter((p) => p.id !== point.id))}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => {
          onChange(`${fieldPrefix}.add`, [...points, { id: newId(), text: '' }]);
          focusPoint(points.length);
        }}
      >
        {t('briefings.tp.add')}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function PointText({ label, value, onChange, onKeyDown }: { label: string; value: string; onChange: (text: string) => void; onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const caret = useKeepCaret(ref, value);
  return <textarea ref={ref} {...caret} {...PRIVATE_TEXT} aria-label={label} value={value} rows={2} onKeyDown={onKeyDown} onChange={(e) => onChange(e.target.value)} />;
}
