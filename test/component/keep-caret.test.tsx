import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { shiftCaret } from '../../renderer/features/briefings/keep-caret';
import { TextField } from '../../renderer/features/briefings/fields';

describe('the caret when text changes under it', () => {
  it('moves with text inserted or removed before it, stays for text after it', () => {
    expect(shiftCaret(5, { index: 0, remove: 0, insert: 'abc' })).toBe(8);
    expect(shiftCaret(5, { index: 7, remove: 0, insert: 'abc' })).toBe(5);
    expect(shiftCaret(5, { index: 1, remove: 2, insert: '' })).toBe(3);
    expect(shiftCaret(5, { index: 3, remove: 4, insert: 'x' })).toBe(4);
  });

  it('stays on the same word in a field when another window types before it', () => {
    const props = { label: 'Red lines', onChange: () => undefined };
    const { getByLabelText, rerender } = render(<TextField {...props} value="No binding targets." />);
    const field = getByLabelText('Red lines') as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(3, 10); // "binding"
    fireEvent.keyUp(field, { key: 'Shift' }); // how the browser tells React the selection moved
    rerender(<TextField {...props} value="Tab A: No binding targets." />);
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).toBe('binding');
    rerender(<TextField {...props} value="Tab A: No binding targets. Tab B." />);
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).toBe('binding');
  });
});
