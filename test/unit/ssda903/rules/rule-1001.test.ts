import { describe, expect, it } from 'vitest';
import { rule1001 } from '../../../../shared/domain/ssda903/rules/rule-1001.ts';
import { childWith, episode, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

// Born 1 May 2008: 14 on 1 May 2022, 16 on 1 May 2024, 18 on 1 May 2026.
const oc3 = { DOB: '01/05/2008', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'S2' };
const youngPerson = (episodes: Record<string, string>[]) =>
  childWith('C1', {
    Header: [header({ DOB: '01/05/2008' })],
    OC3: [oc3],
    Episodes: episodes.map((e) => episode(e)),
  });

describe('rule 1001: care leaver information needs 13 weeks in care from 14, some of it at 16', () => {
  it('flags a young person looked after only briefly after their 16th birthday', () => {
    const child = youngPerson([{ DECOM: '01/06/2024', DEC: '15/07/2024', REC: 'E8' }]);
    expect(flagged(rule1001, child, withLastYear([]))).toEqual(['OC3:2:IN_TOUCH']);
  });

  it('counts last year’s episodes as well as this year’s', () => {
    // 45 days this year alone are too few; with last year's 273 days the young person qualifies.
    const child = youngPerson([{ DECOM: '01/03/2025', DEC: '15/04/2025', REC: 'E8' }]);
    const last = childWith('C1', {
      Episodes: [episode({ DECOM: '01/06/2024', DEC: '01/03/2025', REC: 'X1' })],
    });
    expect(flagged(rule1001, child, withLastYear([]))).toEqual(['OC3:2:IN_TOUCH']);
    expect(flagged(rule1001, child, withLastYear([last]))).toEqual([]);
  });

  it('flags a young person whose care ended in adoption', () => {
    const child = youngPerson([{ DECOM: '01/06/2023', DEC: '15/07/2025', REC: 'E11' }]);
    expect(flagged(rule1001, child, withLastYear([]))).toEqual(['OC3:2:IN_TOUCH']);
  });
});
