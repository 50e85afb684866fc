import { describe, expect, it } from 'vitest';
import {
  ruleSW10STG2,
  ruleSW10STG2Until2024,
} from '../../../../shared/domain/ssda903/rules/rule-SW10STG2.ts';
import { childWith, flagged } from './helpers.ts';

const first = { SW_ID: 'SW1', SW_DECOM: '01/05/2025', SW_DEC: '01/06/2025', SW_REASON: '' };
const startingOn = (date: string, reason = 'MANAGE') =>
  childWith('C1', { SWEpisodes: [first, { SW_ID: 'SW2', SW_DECOM: date, SW_DEC: '', SW_REASON: reason }] });

describe('rule SW10STG2: overlapping social worker episodes', () => {
  it('2023/24 version: any start before the previous end', () => {
    expect(flagged(ruleSW10STG2Until2024, startingOn('01/06/2025'))).toEqual([]);
    expect(flagged(ruleSW10STG2Until2024, startingOn('31/05/2025'))).toEqual(['SWEpisodes:3:SW_DECOM']);
  });

  it('from 2024/25: a week of handover is allowed, and FCONTA is exempt', () => {
    expect(flagged(ruleSW10STG2, startingOn('25/05/2025'))).toEqual([]);
    expect(flagged(ruleSW10STG2, startingOn('24/05/2025'))).toEqual(['SWEpisodes:3:SW_DECOM']);
    expect(flagged(ruleSW10STG2, startingOn('01/05/2025', 'FCONTA'))).toEqual([]);
  });
});
