import { describe, expect, it } from 'vitest';
import { rule304 } from '../../../../shared/domain/ssda903/rules/rule-304.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 304: UASC status ends by the 18th birthday', () => {
  it('accepts status ending on the 18th birthday', () => {
    expect(flagged(rule304, childWith('C1', { UASC: [{ DOB: '18/10/2010', DUC: '18/10/2028' }] }))).toEqual(
      [],
    );
  });

  it('flags status ending after the 18th birthday', () => {
    expect(flagged(rule304, childWith('C1', { UASC: [{ DOB: '18/10/2010', DUC: '19/10/2028' }] }))).toEqual([
      'UASC:2:DUC',
    ]);
  });
});
