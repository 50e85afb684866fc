import { describe, expect, it } from 'vitest';
import { filterReport, paginationItems, REPORT_PAGE_SIZE, rowCell } from '../../../shared/web/pages.ts';

const rows = Array.from({ length: 120 }, (_, index) => ({
  code: index % 3 === 0 ? '101' : '103',
  table: index % 2 === 0 ? 'Header' : 'Episodes',
  child: `C${index % 10}`,
  rowNumber: index + 2,
  message: 'problem',
}));

describe('report filters and pages', () => {
  it('keeps rows matching every filter given, the child reference in any case', () => {
    const shown = filterReport(rows, { rule: '101', table: 'Header', child: 'c0' }, 1);
    expect(
      shown.rows.every((row) => row.code === '101' && row.table === 'Header' && row.child === 'C0'),
    ).toBe(true);
    expect(shown.matching).toBe(
      rows.filter((r) => r.code === '101' && r.table === 'Header' && r.child === 'C0').length,
    );
  });

  it('pages 50 rows at a time and keeps a page number in range', () => {
    expect(filterReport(rows, {}, 1).rows).toHaveLength(REPORT_PAGE_SIZE);
    expect(filterReport(rows, {}, 3).rows.map((row) => row.rowNumber)).toEqual(
      rows.slice(100).map((r) => r.rowNumber),
    );
    expect(filterReport(rows, {}, 99)).toMatchObject({ current: 3, pages: 3 });
    expect(filterReport(rows, { rule: 'none' }, 1)).toMatchObject({ matching: 0, pages: 1, rows: [] });
  });

  it('shows the first, last and neighbouring page numbers with gaps between', () => {
    expect(paginationItems(1, 1)).toEqual([1]);
    expect(paginationItems(5, 460)).toEqual([1, undefined, 4, 5, 6, undefined, 460]);
    expect(paginationItems(2, 3)).toEqual([1, 2, 3]);
  });

  it('shows a CSV row by its number, and an XML row by its position and then its line', () => {
    expect(rowCell({ code: '101', rowNumber: 7, message: '' })).toBe('7');
    expect(rowCell({ code: '101', rowNumber: 1, location: 'Child 2, Episode 2', message: '' })).toBe(
      'Child 2, Episode 2 (line 1)',
    );
    expect(rowCell({ code: '8606', line: 1, location: 'Child 12, CINdetails 2', message: '' })).toBe(
      'Child 12, CINdetails 2 (line 1)',
    );
  });
});
