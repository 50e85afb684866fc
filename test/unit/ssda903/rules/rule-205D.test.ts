import { describe, expect, it } from 'vitest';
import { rule205D } from '../../../../shared/domain/ssda903/rules/rule-205D.ts';
import { childWith, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule 205D: UASC this year means UASC last year too', () => {
  const now = childWith('C1', { Header: [header()], UASC: [{ SEX: 'M', DOB: '01/06/2009', DUC: '' }] });

  it('flags a child in last year’s return without UASC status', () => {
    expect(flagged(rule205D, now, withLastYear([childWith('C1', { Header: [header()] })]))).toEqual([
      'UASC:2:CHILD',
    ]);
  });

  it('accepts a child UASC last year, and one new this year', () => {
    expect(flagged(rule205D, now, withLastYear([now]))).toEqual([]);
    expect(flagged(rule205D, now, withLastYear([]))).toEqual([]);
  });
});
