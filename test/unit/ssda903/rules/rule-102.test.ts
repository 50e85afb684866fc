import { describe, expect, it } from 'vitest';
import { rule102 } from '../../../../shared/domain/ssda903/rules/rule-102.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule 102: date of birth is a real date', () => {
  it('accepts a real date, including 29 February in a leap year', () => {
    expect(flagged(rule102, childWith('C1', { Header: [header({ DOB: '29/02/2012' })] }))).toEqual([]);
  });

  it('flags an impossible, malformed or blank date', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '29/02/2013' }), header({ DOB: '2012-01-01' }), header({ DOB: '' })],
    });
    expect(flagged(rule102, child)).toEqual(['Header:2:DOB', 'Header:3:DOB', 'Header:4:DOB']);
  });
});
