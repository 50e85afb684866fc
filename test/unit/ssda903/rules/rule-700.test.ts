import { describe, expect, it } from 'vitest';
import { rule700 } from '../../../../shared/domain/ssda903/rules/rule-700.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 700: DoLO start is present and a real date', () => {
  it('accepts 01/01/2027', () => {
    expect(flagged(rule700, childWith('C1', { DoLo: [{ DOLO_START: '01/01/2027' }] }))).toEqual([]);
  });

  it('flags 01/01/27 and a blank', () => {
    expect(
      flagged(rule700, childWith('C1', { DoLo: [{ DOLO_START: '01/01/27' }, { DOLO_START: '' }] })),
    ).toEqual(['DoLo:2:DOLO_START', 'DoLo:3:DOLO_START']);
  });
});
