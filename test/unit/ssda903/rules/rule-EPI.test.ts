import { describe, expect, it } from 'vitest';
import { ruleEPI } from '../../../../shared/domain/ssda903/rules/rule-EPI.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

describe('rule EPI: a child in the Header has episodes or care leaver information', () => {
  it('flags a Header row with neither', () => {
    expect(flagged(ruleEPI, childWith('C1', { Header: [header()] }))).toEqual(['Header:2:CHILD']);
  });

  it('accepts a child with episodes, and a care leaver', () => {
    expect(flagged(ruleEPI, childWith('C1', { Header: [header()], Episodes: [episode()] }))).toEqual([]);
    const leaver = childWith('C1', {
      Header: [header()],
      OC3: [{ DOB: '01/06/2006', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'S2' }],
    });
    expect(flagged(ruleEPI, leaver)).toEqual([]);
  });
});
