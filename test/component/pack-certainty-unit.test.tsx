/** How sure a fact is, as a pack page prints it (PackUnit): the mark after the fact, the note under it, split with the fact. */
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PackBlock, PackRow } from '../../shared/pack/model';
import type { FlowUnit, TableBlock } from '../../renderer/features/packs/flow';
import { PackUnit, type UnitEnv } from '../../renderer/features/packs/PackUnit';

const env: UnitEnv = { contentsTitle: 'Contents', pageOf: () => 3, bodies: [], language: 'en', continued: (t) => `${t} (continued)` };
const conflict = { level: 'conflicting', mark: 'sources conflict', detail: 'The ministry says Langkawi. Supported by [1]. Contradicted by [2].' } as const;
const venue: Extract<PackBlock, { kind: 'field' }> = { kind: 'field', label: 'Venue', value: 'Langkawi, Kedah, Malaysia', cites: [1, 2], certainty: conflict };

describe('certainty on a pack page', () => {
  it('prints the mark after the fact and its citations, and the note under it', () => {
    const { container } = render(<PackUnit unit={{ kind: 'block', block: venue }} env={env} />);
    const value = container.querySelector('.pack-field-value')!;
    expect(value.textContent).toBe('Langkawi, Kedah, Malaysia[1, 2]sources conflictThe ministry says Langkawi. Supported by [1]. Contradicted by [2].');
    expect(value.querySelector('.pack-certainty.level-conflicting')?.textContent).toBe('sources conflict');
    expect(value.querySelector('.pack-certainty-detail.level-conflicting')?.hasAttribute('data-slice')).toBe(true);
  });

  it('prints a verified fact with its mark only', () => {
    const block: PackBlock = { kind: 'heading', level: 2, text: 'ASOEN-36', cites: [1], certainty: { level: 'verified', mark: 'verified' } };
    const { container } = render(<PackUnit unit={{ kind: 'block', block }} env={env} />);
    expect(container.textContent).toBe('ASOEN-36[1]verified');
    expect(container.querySelector('.pack-certainty-detail')).toBeNull();
  });

  it('keeps a split fact whole: the first part has neither mark nor note, the last part has both', () => {
    const detail = conflict.detail.length;
    const head = render(<PackUnit unit={{ kind: 'block', block: venue }} env={env} slice={{ ranges: [[0, 9], [0, 0]], first: true, last: false }} />);
    expect(head.container.querySelector('.pack-field-value')!.textContent).toBe('Langkawi,');
    expect(head.container.querySelector('.pack-certainty-detail')!.textContent).toBe('');
    const tail = render(<PackUnit unit={{ kind: 'block', block: venue }} env={env} slice={{ ranges: [[9, venue.value.length], [0, detail]], first: false, last: true }} />);
    expect(tail.container.querySelector('.pack-field-label')!.textContent).toBe('');
    expect(tail.container.querySelector('.pack-field-value')!.textContent).toBe(' Kedah, Malaysia[1, 2]sources conflictThe ministry says Langkawi. Supported by [1]. Contradicted by [2].');
  });

  it('prints a row’s mark in its last cell and its note after the cells (the splitter’s last text container)', () => {
    const row: PackRow = { cells: ['1', 'Reducing the carbon footprint'], cites: [3], certainty: { level: 'partial', mark: 'partly verified', detail: 'As of the last report.' } };
    const table: TableBlock = { kind: 'table', columns: [{ label: 'Code', width: 10 }, { label: 'Target', width: 90 }], rows: [row] };
    const unit: FlowUnit = { kind: 'table-row', table, row, header: 0 };
    const { container } = render(<PackUnit unit={unit} env={env} />);
    const cells = container.querySelectorAll('td');
    expect(cells[1]!.textContent).toBe('Reducing the carbon footprint[3]partly verifiedAs of the last report.');
    const slices = [...container.querySelectorAll('[data-slice]')].map((e) => e.textContent);
    expect(slices).toEqual(['1', 'Reducing the carbon footprint', 'As of the last report.']);
  });

  it('prints the legend with every level', () => {
    const block: PackBlock = {
      kind: 'certainty-legend',
      title: 'How sure the facts are',
      entries: [
        { level: 'verified', mark: 'verified', meaning: 'the sources confirm it.' },
        { level: 'conflicting', mark: 'sources conflict', meaning: 'sources disagree.' },
      ],
      unmarked: 'A fact without a mark: the dataset says nothing.',
    };
    const { container } = render(<PackUnit unit={{ kind: 'block', block }} env={env} />);
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['verified the sources confirm it.', 'sources conflict sources disagree.']);
    expect(container.textContent).toContain('A fact without a mark');
  });
});
