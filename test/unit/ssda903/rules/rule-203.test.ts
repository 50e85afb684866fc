import { describe, expect, it } from 'vitest';
import { rule203 } from '../../../../shared/domain/ssda903/rules/rule-203.ts';
import { childWith, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule 203: date of birth is the same as last year', () => {
  it('flags a different date of birth', () => {
    const child = childWith('C1', { Header: [header({ DOB: '01/06/2012' })] });
    const last = childWith('C1', { Header: [header({ DOB: '02/06/2012' })] });
    expect(flagged(rule203, child, withLastYear([last]))).toEqual(['Header:2:DOB']);
  });

  it('accepts the same day however it is written', () => {
    const child = childWith('C1', { Header: [header({ DOB: '01/06/2012' })] });
    const last = childWith('C1', { Header: [header({ DOB: '1/6/2012' })] });
    expect(flagged(rule203, child, withLastYear([last]))).toEqual([]);
  });
});
