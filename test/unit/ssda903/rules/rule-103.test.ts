import { describe, expect, it } from 'vitest';
import { rule103 } from '../../../../shared/domain/ssda903/rules/rule-103.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule 103: ethnicity code', () => {
  it('accepts DfE ethnicity codes', () => {
    const child = childWith('C1', { Header: [header({ ETHNIC: 'WBRI' }), header({ ETHNIC: 'NOBT' })] });
    expect(flagged(rule103, child)).toEqual([]);
  });

  it('flags an unknown or blank ethnicity', () => {
    const child = childWith('C1', { Header: [header({ ETHNIC: 'WHITE' }), header({ ETHNIC: '' })] });
    expect(flagged(rule103, child)).toEqual(['Header:2:ETHNIC', 'Header:3:ETHNIC']);
  });
});
