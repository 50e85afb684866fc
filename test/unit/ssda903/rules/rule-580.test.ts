import { describe, expect, it } from 'vitest';
import { rule580 } from '../../../../shared/domain/ssda903/rules/rule-580.ts';
import { childWith, episode, flagged } from './helpers.ts';

const missing = (MIS_START: string, MIS_END: string) => ({
  DOB: '01/06/2007',
  MISSING: 'M',
  MIS_START,
  MIS_END,
});

describe('rule 580: care that ends while the child is missing ends with E8', () => {
  it('flags another reason when a missing period was open on the last day of care', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/06/2024', DEC: '01/06/2025', REC: 'E4A' })],
      Missing: [missing('20/05/2025', '01/06/2025')],
    });
    expect(flagged(rule580, child)).toEqual(['Episodes:2:REC']);
  });

  it('accepts E8, and a missing period over before care ended', () => {
    const e8 = childWith('C1', {
      Episodes: [episode({ DECOM: '01/06/2024', DEC: '01/06/2025', REC: 'E8' })],
      Missing: [missing('20/05/2025', '')],
    });
    expect(flagged(rule580, e8)).toEqual([]);
    const earlier = childWith('C1', {
      Episodes: [episode({ DECOM: '01/06/2024', DEC: '01/06/2025', REC: 'E4A' })],
      Missing: [missing('20/05/2025', '21/05/2025')],
    });
    expect(flagged(rule580, earlier)).toEqual([]);
  });
});
