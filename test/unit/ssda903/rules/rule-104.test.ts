import { describe, expect, it } from 'vitest';
import { rule104 } from '../../../../shared/domain/ssda903/rules/rule-104.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 104: date UASC status ceased is a real date', () => {
  it('accepts 13/10/2028 and a blank', () => {
    expect(flagged(rule104, childWith('C1', { UASC: [{ DUC: '13/10/2028' }, { DUC: '' }] }))).toEqual([]);
  });

  it('flags 13/13/2028', () => {
    expect(
      flagged(rule104, childWith('C1', { UASC: [{ DUC: '13/10/2028' }, { DUC: '13/13/2028' }] })),
    ).toEqual(['UASC:3:DUC']);
  });
});
