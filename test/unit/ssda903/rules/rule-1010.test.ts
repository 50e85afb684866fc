import { describe, expect, it } from 'vitest';
import { rule1010 } from '../../../../shared/domain/ssda903/rules/rule-1010.ts';
import { childWith, episode, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const oc3 = { DOB: '01/05/2006', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'S2' };

describe('rule 1010: a care leaver still looked after at the end of last year has episodes this year', () => {
  const child = childWith('C1', { OC3: [oc3] });

  it('flags a care leaver whose last episode last year was still open', () => {
    const last = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/06/2023', DEC: '11/11/2024', REC: 'X1' }),
        episode({ DECOM: '11/11/2024' }),
      ],
    });
    expect(flagged(rule1010, child, withLastYear([last]))).toEqual(['OC3:2:IN_TOUCH']);
  });

  it('accepts care that ended last year', () => {
    const last = childWith('C1', {
      Episodes: [episode({ DECOM: '01/06/2023', DEC: '11/11/2024', REC: 'E8' })],
    });
    expect(flagged(rule1010, child, withLastYear([last]))).toEqual([]);
  });
});
