import { describe, expect, it } from 'vitest';
import { rule232 } from '../../../../shared/domain/ssda903/rules/rule-232.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule 232: sex reported as unknown', () => {
  it('accepts M and F', () => {
    expect(
      flagged(rule232, childWith('C1', { Header: [header({ SEX: 'M' }), header({ SEX: 'F' })] })),
    ).toEqual([]);
  });

  it('flags U', () => {
    expect(flagged(rule232, childWith('C1', { Header: [header({ SEX: 'U' })] }))).toEqual(['Header:2:SEX']);
  });
});
