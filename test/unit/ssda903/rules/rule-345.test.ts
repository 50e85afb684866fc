import { describe, expect, it } from 'vitest';
import { rule345 } from '../../../../shared/domain/ssda903/rules/rule-345.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 345: in touch, so activity and accommodation are known', () => {
  it('accepts YES with codes, and NO with zeros', () => {
    const child = childWith('C1', {
      OC3: [
        { IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'B1' },
        { IN_TOUCH: 'NO', ACTIV: '0', ACCOM: '0' },
      ],
    });
    expect(flagged(rule345, child)).toEqual([]);
  });

  it('flags a zero given with YES', () => {
    expect(
      flagged(rule345, childWith('C1', { OC3: [{ IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: '0' }] })),
    ).toEqual(['OC3:2:ACCOM']);
  });
});
