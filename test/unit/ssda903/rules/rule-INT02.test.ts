import { describe, expect, it } from 'vitest';
import { ruleINT02 } from '../../../../shared/domain/ssda903/rules/rule-INT02.ts';
import { ALL_TABLES, childWith, contextFor, flagged, header } from './helpers.ts';

describe('rule INT02: a child in PlacedAdoption must be in Header', () => {
  it('accepts a child who has a Header row', () => {
    expect(
      flagged(ruleINT02, childWith('C1', { Header: [header()], PlacedAdoption: [{ DOB: '01/06/2012' }] })),
    ).toEqual([]);
  });

  it('flags each PlacedAdoption row of a child missing from Header', () => {
    const child = childWith('C1', { PlacedAdoption: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT02, child)).toEqual(['PlacedAdoption:2:CHILD', 'PlacedAdoption:3:CHILD']);
  });

  it('does not run when no Header table was uploaded', () => {
    const child = childWith('C1', { PlacedAdoption: [{ DOB: '01/06/2012' }] });
    const noHeader = contextFor(
      2026,
      ALL_TABLES.filter((table) => table !== 'Header'),
    );
    expect(flagged(ruleINT02, child, noHeader)).toEqual([]);
  });
});
