import { describe, expect, it } from 'vitest';
import { ruleINT03 } from '../../../../shared/domain/ssda903/rules/rule-INT03.ts';
import { ALL_TABLES, childWith, contextFor, flagged, header } from './helpers.ts';

describe('rule INT03: a child in Episodes must be in Header', () => {
  it('accepts a child who has a Header row', () => {
    expect(
      flagged(ruleINT03, childWith('C1', { Header: [header()], Episodes: [{ DOB: '01/06/2012' }] })),
    ).toEqual([]);
  });

  it('flags each Episodes row of a child missing from Header', () => {
    const child = childWith('C1', { Episodes: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT03, child)).toEqual(['Episodes:2:CHILD', 'Episodes:3:CHILD']);
  });

  it('does not run when no Header table was uploaded', () => {
    const child = childWith('C1', { Episodes: [{ DOB: '01/06/2012' }] });
    const noHeader = contextFor(
      2026,
      ALL_TABLES.filter((table) => table !== 'Header'),
    );
    expect(flagged(ruleINT03, child, noHeader)).toEqual([]);
  });
});
