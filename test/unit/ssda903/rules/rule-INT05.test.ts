import { describe, expect, it } from 'vitest';
import { ruleINT05 } from '../../../../shared/domain/ssda903/rules/rule-INT05.ts';
import { ALL_TABLES, childWith, contextFor, flagged, header } from './helpers.ts';

describe('rule INT05: a child in OC2 must be in Header', () => {
  it('accepts a child who has a Header row', () => {
    expect(flagged(ruleINT05, childWith('C1', { Header: [header()], OC2: [{ DOB: '01/06/2012' }] }))).toEqual(
      [],
    );
  });

  it('flags each OC2 row of a child missing from Header', () => {
    const child = childWith('C1', { OC2: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT05, child)).toEqual(['OC2:2:CHILD', 'OC2:3:CHILD']);
  });

  it('does not run when no Header table was uploaded', () => {
    const child = childWith('C1', { OC2: [{ DOB: '01/06/2012' }] });
    const noHeader = contextFor(
      2026,
      ALL_TABLES.filter((table) => table !== 'Header'),
    );
    expect(flagged(ruleINT05, child, noHeader)).toEqual([]);
  });
});
