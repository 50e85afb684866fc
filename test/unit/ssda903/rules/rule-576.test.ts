import { describe, expect, it } from 'vitest';
import { rule576 } from '../../../../shared/domain/ssda903/rules/rule-576.ts';
import { childWith, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const missing = (MIS_START: string, MIS_END = '') => ({
  DOB: '01/05/2010',
  MISSING: 'M',
  MIS_START,
  MIS_END,
});

describe('rule 576: a missing period open at the end of last year starts this year’s list', () => {
  const last = childWith('C1', { Missing: [missing('07/02/2025')] });

  it('flags a first period that starts on another day', () => {
    const child = childWith('C1', { Missing: [missing('08/02/2025', '09/02/2025')] });
    expect(flagged(rule576, child, withLastYear([last]))).toEqual(['Missing:2:MIS_START']);
  });

  it('accepts the same period, now ended, and any period after a last year with none open', () => {
    const child = childWith('C1', { Missing: [missing('07/02/2025', '09/04/2025')] });
    expect(flagged(rule576, child, withLastYear([last]))).toEqual([]);
    const closed = childWith('C1', { Missing: [missing('03/02/2025', '07/02/2025')] });
    expect(
      flagged(rule576, childWith('C1', { Missing: [missing('01/06/2025')] }), withLastYear([closed])),
    ).toEqual([]);
  });
});
