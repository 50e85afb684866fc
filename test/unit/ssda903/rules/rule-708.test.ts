import { describe, expect, it } from 'vitest';
import { rule708 } from '../../../../shared/domain/ssda903/rules/rule-708.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule 708: DoLo before birth', () => {
  it('accepts a start on the date of birth', () => {
    expect(
      flagged(rule708, childWith('C1', { DoLo: [{ DOB: '01/06/2012', DOLO_START: '01/06/2012' }] })),
    ).toEqual([]);
  });

  it('flags a start before birth, using Header DOB when the row has none', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      DoLo: [{ DOLO_START: '31/05/2012' }],
    });
    expect(flagged(rule708, child)).toEqual(['DoLo:2:DOLO_START']);
  });
});
