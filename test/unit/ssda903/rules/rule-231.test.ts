import { describe, expect, it } from 'vitest';
import { rulesFor } from '../../../../shared/domain/ssda903/rules/registry.ts';
import { rule231 } from '../../../../shared/domain/ssda903/rules/rule-231.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule 231: an unaccompanied asylum-seeking child under 11 is unusual', () => {
  it('flags a UASC child under 11 on 31 March', () => {
    const child = childWith('C1', { Header: [header({ DOB: '01/04/2015' })], UASC: [{ DUC: '' }] });
    expect(flagged(rule231, child)).toEqual(['Header:2:DOB']);
  });

  it('accepts a UASC child who is 11 on 31 March, and a young child who is not UASC', () => {
    expect(
      flagged(rule231, childWith('C1', { Header: [header({ DOB: '31/03/2015' })], UASC: [{}] })),
    ).toEqual([]);
    expect(flagged(rule231, childWith('C1', { Header: [header({ DOB: '01/04/2015' })] }))).toEqual([]);
  });

  it('applies from 2024/25, when it was defined', () => {
    expect(rulesFor(2024).some((rule) => rule.code === '231')).toBe(false);
    expect(rulesFor(2025).some((rule) => rule.code === '231')).toBe(true);
  });
});
