import { describe, expect, it } from 'vitest';
import { rule344 } from '../../../../shared/domain/ssda903/rules/rule-344.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 344: died or returned home, so no activity or accommodation', () => {
  it('accepts DIED with 0 and 0', () => {
    expect(
      flagged(rule344, childWith('C1', { OC3: [{ IN_TOUCH: 'DIED', ACTIV: '0', ACCOM: '0' }] })),
    ).toEqual([]);
  });

  it('flags each activity or accommodation given for DIED or RHOM', () => {
    const child = childWith('C1', {
      OC3: [
        { IN_TOUCH: 'DIED', ACTIV: 'F1', ACCOM: '0' },
        { IN_TOUCH: 'RHOM', ACTIV: 'P3', ACCOM: 'T2' },
        { IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'B1' },
      ],
    });
    expect(flagged(rule344, child)).toEqual(['OC3:2:ACTIV', 'OC3:3:ACTIV', 'OC3:3:ACCOM']);
  });
});
