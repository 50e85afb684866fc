import { describe, expect, it } from 'vitest';
import { rule215 } from '../../../../shared/domain/ssda903/rules/rule-215.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 215: a care leaver has no 12-month items', () => {
  it('flags 12-month items beside care leaver information', () => {
    const child = childWith('C1', {
      OC3: [{ IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'S' }],
      OC2: [{ HEALTH_CHECK: '1' }],
    });
    expect(flagged(rule215, child)).toEqual(['OC2:2:CONVICTED']);
  });

  it('accepts 12-month items without care leaver information', () => {
    const child = childWith('C1', {
      OC3: [{ IN_TOUCH: '', ACTIV: '', ACCOM: '' }],
      OC2: [{ HEALTH_CHECK: '1' }],
    });
    expect(flagged(rule215, child)).toEqual([]);
  });
});
