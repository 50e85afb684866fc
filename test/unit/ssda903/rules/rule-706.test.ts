import { describe, expect, it } from 'vitest';
import { rulesFor } from '../../../../shared/domain/ssda903/rules/registry.ts';
import { rule706 } from '../../../../shared/domain/ssda903/rules/rule-706.ts';
import { childWith, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const dolo = (DOLO_START: string, DOLO_END = '') => ({ DOB: '01/05/2010', DOLO_START, DOLO_END });

describe('rule 706: an order open at the end of last year is recorded this year', () => {
  const last = childWith('C1', { DoLo: [dolo('01/01/2026', '02/01/2026'), dolo('03/01/2026')] });

  it('flags a year whose orders do not include the open one, or that has none', () => {
    const other = childWith('C1', { Header: [header()], DoLo: [dolo('04/05/2026')] });
    expect(flagged(rule706, other, withLastYear([last], 2027))).toEqual(['DoLo:2:DOLO_START']);
    const none = childWith('C1', { Header: [header()] });
    expect(flagged(rule706, none, withLastYear([last], 2027))).toEqual(['Header:2:CHILD']);
  });

  it('accepts the open order carried over', () => {
    const child = childWith('C1', { Header: [header()], DoLo: [dolo('03/01/2026', '01/06/2026')] });
    expect(flagged(rule706, child, withLastYear([last], 2027))).toEqual([]);
  });

  it('applies from 2026/27, when orders are first collected', () => {
    expect(rulesFor(2026).some((rule) => rule.code === '706')).toBe(false);
    expect(rulesFor(2027).some((rule) => rule.code === '706')).toBe(true);
  });
});
