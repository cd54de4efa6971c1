import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/papers/model';
import { db } from '../../renderer/db/db';
import { AnnotationPanel } from '../../renderer/papers/annotations/AnnotationPanel';

/*
 * A note on a paper is kept while the delegate is still in the box: the page may be reloaded,
 * locked (the lock reloads it) or closed before the box ever loses focus.
 */
const now = '2026-12-02T06:00:00.000Z';
const annotation: Annotation = {
  id: 'a1',
  paperId: 'p1',
  kind: 'note',
  note: '',
  color: 'yellow',
  target: { versionId: 'v1', quote: { type: 'TextQuoteSelector', exact: 'welcomed Malaysia as host', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 10, end: 35 }, page: 1, status: 'anchored' },
  previousTargets: [],
  scope: 'private',
  createdAt: now,
  createdBy: 'Aminah',
  updatedAt: now,
};

describe('a note typed on a paper', () => {
  beforeEach(async () => {
    await db.annotations.clear();
    await db.annotations.put(annotation);
  });

  it('is stored while the box still has the focus, without leaving it', async () => {
    const user = userEvent.setup();
    render(<AnnotationPanel annotations={[annotation]} onGo={() => undefined} />);
    const box = screen.getByRole('textbox');
    await user.click(box);
    await user.keyboard('Check the host agreement');
    expect(document.activeElement).toBe(box);
    await waitFor(async () => expect((await db.annotations.get('a1'))?.note).toBe('Check the host agreement'));
    expect((await db.annotations.get('a1'))?.kind).toBe('note');
    expect(document.activeElement).toBe(box);
  });
});
