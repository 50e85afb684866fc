import { describe, expect, it } from 'vitest';
import { ruleINT06 } from '../../../../shared/domain/ssda903/rules/rule-INT06.ts';
import { ALL_TABLES, childWith, contextFor, flagged, header } from './helpers.ts';

describe('rule INT06: a child in OC3 must be in Header', () => {
  it('accepts a child who has a Header row', () => {
    expect(flagged(ruleINT06, childWith('C1', { Header: [header()], OC3: [{ DOB: '01/06/2012' }] }))).toEqual(
      [],
    );
  });

  it('flags each OC3 row of a child missing from Header', () => {
    const child = childWith('C1', { OC3: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT06, child)).toEqual(['OC3:2:CHILD', 'OC3:3:CHILD']);
  });

  it('does not run when no Header table was uploaded', () => {
    const child = childWith('C1', { OC3: [{ DOB: '01/06/2012' }] });
    const noHeader = contextFor(
      2026,
      ALL_TABLES.filter((table) => table !== 'Header'),
    );
    expect(flagged(ruleINT06, child, noHeader)).toEqual([]);
  });
});
