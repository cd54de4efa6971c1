import { useId, useRef, type ChangeEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { useKeepCaret } from './keep-caret';
import { PRIVATE_TEXT } from '../../components/private-text';

/** A labelled text area for briefing text (markdown subset), marked while carried over and untouched. */
export function TextField({
  label,
  value,
  onChange,
  review,
  hint,
  rows = 3,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  review?: boolean;
  hint?: ReactNode;
  rows?: number;
  className?: string;
}) {
  const id = useId();
  const t = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  const caret = useKeepCaret(ref, value);
  return (
    <div className={`field ${review ? 'needs-review' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {review && (
        <span className="review-flag" id={`${id}-review`}>
          {t('briefings.review')}
        </span>
      )}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        ref={ref}
        {...caret}
        {...PRIVATE_TEXT}
        id={id}
        rows={rows}
        value={value}
        aria-describedby={[hint ? `${id}-hint` : '', review ? `${id}-review` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
      />
    </div>
  );
}

/** A one-line labelled input. */
export function LineField({ label, value, onChange, type = 'text' }: { label: string; value: string; onChange: (value: string) => void; type?: string }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const caret = useKeepCaret(ref, value);
  return (
    <div className="field line">
      <label htmlFor={id}>{label}</label>
      <input ref={ref} {...(type === 'text' ? caret : {})} {...PRIVATE_TEXT} id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
