import { describe, expect, it } from 'vitest';
import {
  rule146,
  rule146Until2024,
  rule146Until2025,
} from '../../../../shared/domain/ssda903/rules/rule-146.ts';
import { childWith, contextFor, episode, flagged } from './helpers.ts';

const places = ['H5', 'P2', 'K3', 'Z1', 'Z11', 'Z14', 'U4', 'A2', ''];
const child = childWith('C1', { Episodes: places.map((PLACE) => episode({ PLACE })) });
const flaggedPlaces = (rows: string[]) => rows.map((where) => places[Number(where.split(':')[1]) - 2]);

describe('rule 146: placement type code, by collection year', () => {
  it('until 2023/24: H5 and P2 valid, K3 and Z11–Z14 not yet', () => {
    expect(flaggedPlaces(flagged(rule146Until2024, child, contextFor(2024)))).toEqual([
      'K3',
      'Z11',
      'Z14',
      'A2',
      '',
    ]);
  });

  it('2024/25: K3 valid, H5 and P2 no longer', () => {
    expect(flaggedPlaces(flagged(rule146Until2025, child, contextFor(2025)))).toEqual([
      'H5',
      'P2',
      'Z11',
      'Z14',
      'A2',
      '',
    ]);
  });

  it('from 2025/26: Z11–Z14 valid, and Z1, which they replace, no longer', () => {
    expect(flaggedPlaces(flagged(rule146, child, contextFor(2026)))).toEqual(['H5', 'P2', 'Z1', 'A2', '']);
  });

  it('accepts a valid placement and reports the row and value of an invalid one', () => {
    expect(
      flagged(rule146, childWith('C2', { Episodes: [episode({ PLACE: 'K3' })] }), contextFor(2026)),
    ).toEqual([]);
    expect(
      rule146.check(childWith('C2', { Episodes: [episode({ PLACE: 'H5' })] }), contextFor(2026)),
    ).toEqual([{ code: '146', table: 'Episodes', rowNumber: 2, field: 'PLACE', value: 'H5', child: 'C2' }]);
  });
});
