import { describe, expect, it } from 'vitest';
import { ruleINT08 } from '../../../../shared/domain/ssda903/rules/rule-INT08.ts';
import { ALL_TABLES, childWith, contextFor, flagged, header } from './helpers.ts';

describe('rule INT08: a child in Reviews must be in Header', () => {
  it('accepts a child who has a Header row', () => {
    expect(
      flagged(ruleINT08, childWith('C1', { Header: [header()], Reviews: [{ DOB: '01/06/2012' }] })),
    ).toEqual([]);
  });

  it('flags each Reviews row of a child missing from Header', () => {
    const child = childWith('C1', { Reviews: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT08, child)).toEqual(['Reviews:2:CHILD', 'Reviews:3:CHILD']);
  });

  it('does not run when no Header table was uploaded', () => {
    const child = childWith('C1', { Reviews: [{ DOB: '01/06/2012' }] });
    const noHeader = contextFor(
      2026,
      ALL_TABLES.filter((table) => table !== 'Header'),
    );
    expect(flagged(ruleINT08, child, noHeader)).toEqual([]);
  });
});
