import { describe, expect, it } from 'vitest';
import {
  ruleSW07STG2,
  ruleSW07STG2Until2024,
} from '../../../../shared/domain/ssda903/rules/rule-SW07STG2.ts';
import { childWith, flagged } from './helpers.ts';

const ends = ['31/03/2024', '01/04/2024', '01/04/2025', '31/03/2026', '01/04/2026'];
const child = childWith('C1', { SWEpisodes: ends.map((SW_DEC) => ({ SW_DEC })) });

describe('rule SW07STG2: social worker episode end within the reporting period', () => {
  it('2023/24 version: within the collection year only', () => {
    expect(flagged(ruleSW07STG2Until2024, child)).toEqual([
      'SWEpisodes:2:SW_DEC',
      'SWEpisodes:3:SW_DEC',
      'SWEpisodes:6:SW_DEC',
    ]);
  });

  it('from 2024/25: the year before the collection year counts too', () => {
    expect(flagged(ruleSW07STG2, child)).toEqual(['SWEpisodes:2:SW_DEC', 'SWEpisodes:6:SW_DEC']);
  });

  it('accepts an end inside the collection year and a blank end', () => {
    const fine = childWith('C2', { SWEpisodes: [{ SW_DEC: '15/10/2025' }, { SW_DEC: '' }] });
    expect(flagged(ruleSW07STG2Until2024, fine)).toEqual([]);
    expect(flagged(ruleSW07STG2, fine)).toEqual([]);
  });
});
