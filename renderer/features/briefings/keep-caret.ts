import { useLayoutEffect, useRef, type RefObject, type SyntheticEvent } from 'react';
import { textSplice } from '../../../shared/collab/briefing-doc-changes';

type Field = HTMLTextAreaElement | HTMLInputElement;

/** Where a caret at `position` goes when the text around it is spliced. */
export function shiftCaret(position: number, splice: { index: number; remove: number; insert: string }): number {
  if (position <= splice.index) return position;
  if (position >= splice.index + splice.remove) return position + splice.insert.length - splice.remove;
  return splice.index + splice.insert.length;
}

/**
 * Keeps the caret and selection where the delegate had them when a field's text changes under
 * them (a colleague or another window typing in the same field): the browser would otherwise
 * put the caret at the end. Spread what it returns on the field.
 */
export function useKeepCaret<T extends Field>(ref: RefObject<T | null>, value: string): { onSelect: (e: SyntheticEvent<T>) => void; onInput: (e: SyntheticEvent<T>) => void } {
  const rendered = useRef(value);
  const typed = useRef<string | undefined>(undefined);
  const selection = useRef<{ start: number; end: number } | undefined>(undefined);
  const remember = (el: T) => {
    selection.current = { start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 };
  };
  useLayoutEffect(() => {
    const before = rendered.current;
    rendered.current = value;
    const el = ref.current;
    const sel = selection.current;
    // The delegate's own typing: the browser has the caret right already.
    if (value === typed.current) return;
    if (!el || !sel || before === value || el.ownerDocument.activeElement !== el) return;
    const splice = textSplice(before, value);
    if (!splice) return;
    const start = shiftCaret(sel.start, splice);
    const end = shiftCaret(sel.end, splice);
    if (el.selectionStart !== start || el.selectionEnd !== end) el.setSelectionRange(start, end);
    selection.current = { start, end };
  }, [ref, value]);
  return {
    onSelect: (e) => remember(e.currentTarget),
    onInput: (e) => {
      typed.current = e.currentTarget.value;
      remember(e.currentTarget);
    },
  };
}
