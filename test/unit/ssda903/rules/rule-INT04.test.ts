import { describe, expect, it } from 'vitest';
import { ruleINT04 } from '../../../../shared/domain/ssda903/rules/rule-INT04.ts';
import { ALL_TABLES, childWith, contextFor, flagged, header } from './helpers.ts';

describe('rule INT04: a child in Missing must be in Header', () => {
  it('accepts a child who has a Header row', () => {
    expect(
      flagged(ruleINT04, childWith('C1', { Header: [header()], Missing: [{ DOB: '01/06/2012' }] })),
    ).toEqual([]);
  });

  it('flags each Missing row of a child missing from Header', () => {
    const child = childWith('C1', { Missing: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT04, child)).toEqual(['Missing:2:CHILD', 'Missing:3:CHILD']);
  });

  it('does not run when no Header table was uploaded', () => {
    const child = childWith('C1', { Missing: [{ DOB: '01/06/2012' }] });
    const noHeader = contextFor(
      2026,
      ALL_TABLES.filter((table) => table !== 'Header'),
    );
    expect(flagged(ruleINT04, child, noHeader)).toEqual([]);
  });
});
