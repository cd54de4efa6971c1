import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitColumns } from '../../shared/pack/table-columns';

describe('fitColumns', () => {
  it('widens a narrow column to its longest word, taking the room from the others', () => {
    const widths = fitColumns([7, 40, 21, 15, 17], [['ASEAN Mining Vision', 'AMIS'], ['A long description of the target'], ['Framework'], ['Achieved'], ['On track']], ['Code', 'Target', 'Framework', 'Status', 'Assessment']);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 1);
    // "Mining" (and "ASEAN") need about 9% of the narrowest table.
    expect(widths[0]).toBeGreaterThan(8.5);
    expect(widths[1]).toBeLessThan(40);
  });

  it('keeps the widths asked for when every word fits, and never widens a column past 40% for one overlong token', () => {
    expect(fitColumns([60, 22, 18], [['Report back'], ['Desk'], ['1 Dec']], ['What', 'Owner', 'Due'])).toEqual([60, 22, 18]);
    const url = 'https://www.asean.org/wp-content/uploads/2023/05/ASEAN-Mining-Vision-Document-final.pdf';
    expect(fitColumns([28, 24, 18, 30], [['Aminah'], ['Lead'], ['+60'], [url]], ['Name', 'Role', 'Phone', 'Email'])[3]).toBeLessThanOrEqual(40.01);
  });

  it('always adds up to 100, whatever the columns hold', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 80 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 })), { minLength: 1, maxLength: 6 }), (cols) => {
        const widths = fitColumns(cols.map((c) => c[0]), cols.map((c) => c[1]), cols.map(() => 'Label'));
        expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
        for (const w of widths) expect(w).toBeGreaterThan(0);
      }),
    );
  });
});
