import { describe, expect, it } from 'vitest';
import { rulesFor } from '../../../../shared/domain/ssda903/rules/registry.ts';
import { rule1016 } from '../../../../shared/domain/ssda903/rules/rule-1016.ts';
import { childWith, episode, flagged } from './helpers.ts';

const careLeaver = { DOB: '01/10/2007', IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'S' };

describe('rule 1016: no care leaver information for an 18-year-old who left care after the birthday', () => {
  it('flags care ending after the 18th birthday this year', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024', DEC: '02/10/2025', REC: 'E13' })],
      OC3: [careLeaver],
    });
    expect(flagged(rule1016, child)).toEqual(['OC3:2:IN_TOUCH']);
  });

  it('accepts care ending before the birthday', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024', DEC: '30/09/2025', REC: 'E13' })],
      OC3: [careLeaver],
    });
    expect(flagged(rule1016, child)).toEqual([]);
  });

  it('applies from 2023/24, when it was defined', () => {
    expect(rulesFor(2023).some((rule) => rule.code === '1016')).toBe(false);
    expect(rulesFor(2024).some((rule) => rule.code === '1016')).toBe(true);
  });
});
