import { describe, expect, it } from 'vitest';
import { ReturnStore } from '../../../shared/domain/ssda903/child-store.ts';
import type { Row } from '../../../shared/domain/ssda903/model.ts';

const COLUMNS = ['CHILD', 'DECOM', 'HOME_POST'];

const episode = (rowNumber: number, values: Record<string, string>): Row => ({
  table: 'Episodes',
  rowNumber,
  values,
});

function storeOf(rows: readonly Row[]): ReturnStore {
  const store = new ReturnStore(new Set(['Episodes']));
  store.declareTable('Episodes', COLUMNS);
  for (const row of rows) store.add(row);
  return store;
}

describe('ReturnStore', () => {
  it('hands back every value exactly as added, whatever the characters, grouped by child in file order', () => {
    // Accented letters, a character outside the Basic Multilingual Plane and a lone surrogate (which UTF-8
    // cannot carry) must all come back unchanged.
    const rows = [
      episode(2, { CHILD: 'A', DECOM: '01/04/2025', HOME_POST: 'Zoë Café' }),
      episode(3, { CHILD: 'B', DECOM: '', HOME_POST: '😀 AB1' }),
      episode(4, { CHILD: 'A', DECOM: '02/04/2025', HOME_POST: 'x\uD800y' }),
      episode(5, { CHILD: 'B', DECOM: '03/04/2025', HOME_POST: '' }),
    ];
    const children = [...storeOf(rows).children()];
    expect(children.map(({ record }) => record.child)).toEqual(['A', 'B']);
    expect(children[0]!.record.rows.Episodes).toEqual([rows[0], rows[2]]);
    expect(children[1]!.record.rows.Episodes).toEqual([rows[1], rows[3]]);
    expect(children[0]!.rowNumbers).toEqual({ Episodes: [2, 4] });
  });

  it('keeps many rows across buffer chunks intact', () => {
    const rows: Row[] = [];
    for (let index = 0; index < 20_000; index++) {
      const child = `C${index % 7}`;
      rows.push(episode(index + 2, { CHILD: child, DECOM: `${index}`, HOME_POST: 'é'.repeat(index % 5) }));
    }
    const seen: Row[] = [];
    for (const { record } of storeOf(rows).children()) seen.push(...(record.rows.Episodes ?? []));
    const byRowNumber = (a: Row, b: Row) => a.rowNumber - b.rowNumber;
    expect(seen.sort(byRowNumber)).toEqual(rows);
  });
});
