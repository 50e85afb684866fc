import { describe, expect, it } from 'vitest';
import { rule208 } from '../../../../shared/domain/ssda903/rules/rule-208.ts';
import { childWith, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const upn = (now: string, last: string) =>
  flagged(
    rule208,
    childWith('C1', { Header: [header({ UPN: now })] }),
    withLastYear([childWith('C1', { Header: [header({ UPN: last })] })]),
  );

describe('rule 208: UPN is the same as last year', () => {
  it('flags a UPN that changed, or went back to not known', () => {
    expect(upn('A123456789012', 'B123456789012')).toEqual(['Header:2:UPN']);
    expect(upn('UN1', 'A123456789012')).toEqual(['Header:2:UPN']);
    expect(upn('UN2', 'UN4')).toEqual(['Header:2:UPN']);
  });

  it('accepts the same UPN and learning more about an unknown one', () => {
    expect(upn('A123456789012', 'a123456789012')).toEqual([]);
    expect(upn('A123456789012', 'UN3')).toEqual([]);
    expect(upn('UN2', 'UN1')).toEqual([]);
    expect(upn('UN1', '')).toEqual([]);
  });
});
