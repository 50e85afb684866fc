// Code lists that share their lookups: each must answer as a plain Set of its codes would, whatever the order of
// the questions, however many lists a field has, and for a child's rows as for one value.
import { describe, expect, it } from 'vitest';
import type { Row } from '../../../../shared/domain/ssda903/model.ts';
import { codeSet } from '../../../../shared/domain/ssda903/rules/code-sets.ts';

const CODES = ['A1', 'A2', 'B1', 'B2', 'C1', 'T0', 'T1', 'T2', 'Z1', 'Z11', 'V3', 'V4', 'E11', 'X1'];

function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('code sets', () => {
  // More lists than one group holds, some of them the same codes twice, on one field.
  const random = generator(11);
  const lists = Array.from({ length: 70 }, (_, index) =>
    index % 7 === 3 ? ['T0', 'T1'] : CODES.filter(() => random() < 0.3),
  );
  const made = lists.map((codes) => ({ plain: new Set(codes), shared: codeSet('TEST_FIELD', codes) }));
  // Values as the row store makes them (a new string of the same text), codes, blanks and text in no list.
  const values = [...CODES.map((code) => code.split('').join('')), '', 'a1', 'T', 'T00', 'Z1 '];

  it('answers each value as a Set of its codes, asked in any order and again', () => {
    for (let round = 0; round < 2_000; round++) {
      const value = values[Math.floor(random() * values.length)]!;
      const list = made[Math.floor(random() * made.length)]!;
      expect(list.shared.has(value), `${value} in ${[...list.plain]}`).toBe(list.plain.has(value));
    }
  });

  it('says whether some row of a child holds one of the codes, child after child', () => {
    const rowOf = (value: string | undefined, rowNumber: number): Row => ({
      table: 'Episodes',
      rowNumber,
      values: value === undefined ? { CHILD: 'C' } : { CHILD: 'C', TEST_FIELD: value },
    });
    for (let child = 0; child < 300; child++) {
      const rows = Array.from({ length: Math.floor(random() * 4) }, (_, at) =>
        rowOf(random() < 0.1 ? undefined : values[Math.floor(random() * values.length)], at + 2),
      );
      for (const list of made) {
        const expected = rows.some((row) => list.plain.has(row.values.TEST_FIELD ?? ''));
        expect(list.shared.inSome(rows)).toBe(expected);
      }
    }
  });

  it('answers right for a list made after values of its field were asked about', () => {
    const first = codeSet('LATE_FIELD', ['P1']);
    expect(first.has('P2')).toBe(false);
    expect(first.inSome([{ table: 'Episodes', rowNumber: 2, values: { LATE_FIELD: 'P2' } }])).toBe(false);
    const later = codeSet('LATE_FIELD', ['P2']);
    expect(later.has('P2')).toBe(true);
    expect(later.inSome([{ table: 'Episodes', rowNumber: 2, values: { LATE_FIELD: 'P2' } }])).toBe(true);
    expect(first.has('P2')).toBe(false);
  });

  it('keeps the codes it was made from', () => {
    expect(codeSet('OTHER_FIELD', ['P1', 'P2']).codes).toEqual(['P1', 'P2']);
  });
});
