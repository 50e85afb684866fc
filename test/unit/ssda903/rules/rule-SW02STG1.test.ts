import { describe, expect, it } from 'vitest';
import { ruleSW02STG1 } from '../../../../shared/domain/ssda903/rules/rule-SW02STG1.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule SW02STG1: social worker ID prefix', () => {
  it('accepts SW and XX prefixes', () => {
    expect(
      flagged(
        ruleSW02STG1,
        childWith('C1', { SWEpisodes: [{ SW_ID: 'SW999' }, { SW_ID: 'XX1' }, { SW_ID: '' }] }),
      ),
    ).toEqual([]);
  });

  it('flags another prefix', () => {
    expect(flagged(ruleSW02STG1, childWith('C1', { SWEpisodes: [{ SW_ID: 'sw999' }] }))).toEqual([
      'SWEpisodes:2:SW_ID',
    ]);
  });
});
