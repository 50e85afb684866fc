import { describe, expect, it } from 'vitest';
import { ruleSW05STG1 } from '../../../../shared/domain/ssda903/rules/rule-SW05STG1.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule SW05STG1: social worker episode end is a real date', () => {
  it('accepts 03/01/2024 and a blank', () => {
    expect(
      flagged(ruleSW05STG1, childWith('C1', { SWEpisodes: [{ SW_DEC: '03/01/2024' }, { SW_DEC: '' }] })),
    ).toEqual([]);
  });

  it('flags 03/01/24', () => {
    expect(
      flagged(
        ruleSW05STG1,
        childWith('C1', { SWEpisodes: [{ SW_DEC: '03/01/2024' }, { SW_DEC: '03/01/24' }] }),
      ),
    ).toEqual(['SWEpisodes:3:SW_DEC']);
  });
});
