import { describe, expect, it } from 'vitest';
import { rule153 } from '../../../../shared/domain/ssda903/rules/rule-153.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 153: care leaver items all or none', () => {
  it('accepts all three completed, or all three blank', () => {
    const child = childWith('C1', {
      OC3: [
        { IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'B1' },
        { IN_TOUCH: '', ACTIV: '', ACCOM: '' },
      ],
    });
    expect(flagged(rule153, child)).toEqual([]);
  });

  it('flags each blank item on a partly completed row', () => {
    expect(flagged(rule153, childWith('C1', { OC3: [{ IN_TOUCH: 'YES', ACTIV: '', ACCOM: '' }] }))).toEqual([
      'OC3:2:ACTIV',
      'OC3:2:ACCOM',
    ]);
  });
});
