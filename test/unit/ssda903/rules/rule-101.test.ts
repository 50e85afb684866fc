import { describe, expect, it } from 'vitest';
import { rule101, rule101Until2024 } from '../../../../shared/domain/ssda903/rules/rule-101.ts';
import { childWith, contextFor, flagged, header } from './helpers.ts';

describe('rule 101: sex code', () => {
  const child = childWith('C1', {
    Header: [header({ SEX: '1' }), header({ SEX: 'M' }), header({ SEX: 'U' }), header({ SEX: '' })],
  });

  it('until 2023/24 accepts only 1 and 2', () => {
    expect(flagged(rule101Until2024, child, contextFor(2024))).toEqual([
      'Header:3:SEX',
      'Header:4:SEX',
      'Header:5:SEX',
    ]);
  });

  it('from 2024/25 accepts only M, F and U', () => {
    expect(flagged(rule101, child, contextFor(2025))).toEqual(['Header:2:SEX', 'Header:5:SEX']);
  });

  it('reports the child, row and value', () => {
    expect(rule101.check(child, contextFor(2025))[0]).toEqual({
      code: '101',
      table: 'Header',
      rowNumber: 2,
      field: 'SEX',
      value: '1',
      child: 'C1',
    });
  });

  it('accepts a child recorded in the code list of the year', () => {
    expect(
      flagged(rule101Until2024, childWith('C2', { Header: [header({ SEX: '2' })] }), contextFor(2024)),
    ).toEqual([]);
    expect(flagged(rule101, childWith('C2', { Header: [header({ SEX: 'F' })] }), contextFor(2025))).toEqual(
      [],
    );
  });
});
