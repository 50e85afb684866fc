import { describe, expect, it } from 'vitest';
import { ruleINT07 } from '../../../../shared/domain/ssda903/rules/rule-INT07.ts';
import { ALL_TABLES, childWith, contextFor, flagged, header } from './helpers.ts';

describe('rule INT07: a child in PrevPerm must be in Header', () => {
  it('accepts a child who has a Header row', () => {
    expect(
      flagged(ruleINT07, childWith('C1', { Header: [header()], PrevPerm: [{ DOB: '01/06/2012' }] })),
    ).toEqual([]);
  });

  it('flags each PrevPerm row of a child missing from Header', () => {
    const child = childWith('C1', { PrevPerm: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT07, child)).toEqual(['PrevPerm:2:CHILD', 'PrevPerm:3:CHILD']);
  });

  it('does not run when no Header table was uploaded', () => {
    const child = childWith('C1', { PrevPerm: [{ DOB: '01/06/2012' }] });
    const noHeader = contextFor(
      2026,
      ALL_TABLES.filter((table) => table !== 'Header'),
    );
    expect(flagged(ruleINT07, child, noHeader)).toEqual([]);
  });
});
