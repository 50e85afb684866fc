import { describe, expect, it } from 'vitest';
import { rule1014 } from '../../../../shared/domain/ssda903/rules/rule-1014.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 1014: no UASC information for a care leaver with no episode this year', () => {
  it('flags the UASC row', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2023', DEC: '01/03/2024', REC: 'E5' })],
      OC3: [{ IN_TOUCH: 'YES' }],
      UASC: [{ DUC: '01/02/2024' }],
    });
    expect(flagged(rule1014, child)).toEqual(['UASC:2:DUC']);
  });

  it('accepts it for a child looked after during the year', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2023', DEC: '01/06/2025', REC: 'E5' })],
      OC3: [{ IN_TOUCH: 'YES' }],
      UASC: [{ DUC: '01/02/2025' }],
    });
    expect(flagged(rule1014, child)).toEqual([]);
  });
});
