import { describe, expect, it } from 'vitest';
import { ruleSW08STG2 } from '../../../../shared/domain/ssda903/rules/rule-SW08STG2.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule SW08STG2: earlier social worker episodes must have ended', () => {
  it('accepts an open latest episode', () => {
    const child = childWith('C1', {
      SWEpisodes: [
        { SW_DECOM: '01/05/2025', SW_DEC: '01/06/2025' },
        { SW_DECOM: '01/06/2025', SW_DEC: '' },
      ],
    });
    expect(flagged(ruleSW08STG2, child)).toEqual([]);
  });

  it('flags an open episode followed by another', () => {
    const child = childWith('C1', {
      SWEpisodes: [
        { SW_DECOM: '01/06/2025', SW_DEC: '' },
        { SW_DECOM: '01/05/2025', SW_DEC: '' },
      ],
    });
    expect(flagged(ruleSW08STG2, child)).toEqual(['SWEpisodes:3:SW_DEC']);
  });
});
