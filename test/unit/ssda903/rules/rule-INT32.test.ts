import { describe, expect, it } from 'vitest';
import { ruleINT32 } from '../../../../shared/domain/ssda903/rules/rule-INT32.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule INT32: one Header row per child', () => {
  it('accepts a single row', () => {
    expect(flagged(ruleINT32, childWith('C1', { Header: [header()] }))).toEqual([]);
  });

  it('flags every repeat after the first', () => {
    expect(flagged(ruleINT32, childWith('C1', { Header: [header(), header(), header()] }))).toEqual([
      'Header:3:CHILD',
      'Header:4:CHILD',
    ]);
  });
});
