import { describe, expect, it } from 'vitest';
import { ruleINT09 } from '../../../../shared/domain/ssda903/rules/rule-INT09.ts';
import { ALL_TABLES, childWith, contextFor, flagged, header } from './helpers.ts';

describe('rule INT09: a child in UASC must be in Header', () => {
  it('accepts a child who has a Header row', () => {
    expect(
      flagged(ruleINT09, childWith('C1', { Header: [header()], UASC: [{ DOB: '01/06/2012' }] })),
    ).toEqual([]);
  });

  it('flags each UASC row of a child missing from Header', () => {
    const child = childWith('C1', { UASC: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT09, child)).toEqual(['UASC:2:CHILD', 'UASC:3:CHILD']);
  });

  it('does not run when no Header table was uploaded', () => {
    const child = childWith('C1', { UASC: [{ DOB: '01/06/2012' }] });
    const noHeader = contextFor(
      2026,
      ALL_TABLES.filter((table) => table !== 'Header'),
    );
    expect(flagged(ruleINT09, child, noHeader)).toEqual([]);
  });
});
