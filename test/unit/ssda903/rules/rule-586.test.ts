import { describe, expect, it } from 'vitest';
import { rule586 } from '../../../../shared/domain/ssda903/rules/rule-586.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule 586: Missing before birth', () => {
  it('accepts a start on the date of birth', () => {
    expect(
      flagged(rule586, childWith('C1', { Missing: [{ DOB: '01/06/2012', MIS_START: '01/06/2012' }] })),
    ).toEqual([]);
  });

  it('flags a start before birth, using Header DOB when the row has none', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      Missing: [{ MIS_START: '31/05/2012' }],
    });
    expect(flagged(rule586, child)).toEqual(['Missing:2:MIS_START']);
  });
});
