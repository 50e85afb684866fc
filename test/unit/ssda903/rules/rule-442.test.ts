import { describe, expect, it } from 'vitest';
import { rule442 } from '../../../../shared/domain/ssda903/rules/rule-442.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule 442: UPN completed', () => {
  it('accepts a UPN or an unknown code', () => {
    expect(flagged(rule442, childWith('C1', { Header: [header({ UPN: 'UN1' })] }))).toEqual([]);
  });

  it('flags a blank UPN', () => {
    expect(flagged(rule442, childWith('C1', { Header: [header({ UPN: '' })] }))).toEqual(['Header:2:UPN']);
  });
});
