import { describe, expect, it } from 'vitest';
import { ruleINT01 } from '../../../../shared/domain/ssda903/rules/rule-INT01.ts';
import { ALL_TABLES, childWith, contextFor, flagged, header } from './helpers.ts';

describe('rule INT01: a child in AD1 must be in Header', () => {
  it('accepts a child who has a Header row', () => {
    expect(flagged(ruleINT01, childWith('C1', { Header: [header()], AD1: [{ DOB: '01/06/2012' }] }))).toEqual(
      [],
    );
  });

  it('flags each AD1 row of a child missing from Header', () => {
    const child = childWith('C1', { AD1: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT01, child)).toEqual(['AD1:2:CHILD', 'AD1:3:CHILD']);
  });

  it('does not run when no Header table was uploaded', () => {
    const child = childWith('C1', { AD1: [{ DOB: '01/06/2012' }] });
    const noHeader = contextFor(
      2026,
      ALL_TABLES.filter((table) => table !== 'Header'),
    );
    expect(flagged(ruleINT01, child, noHeader)).toEqual([]);
  });
});
