import { describe, expect, it } from 'vitest';
import { findCouncil } from '../../../shared/domain/councils.ts';
import {
  councilExistedIn,
  isRetiredOnsCodeOf,
  JOINT_RETURNS,
  SUPERSEDED_CODES,
} from '../../../shared/domain/indicators/superseded-codes.ts';

describe('superseded council codes', () => {
  it('retires only codes that are no longer current, and hands them to current councils', () => {
    for (const entry of SUPERSEDED_CODES) {
      if (entry.kind === 'council') {
        expect(findCouncil(entry.la), entry.la).toBeUndefined();
        for (const successor of entry.successors) expect(findCouncil(successor), successor).toBeDefined();
      } else {
        expect(findCouncil(entry.la)?.ons, entry.name).toBe(entry.successor);
        expect(entry.ons).not.toBe(entry.successor);
      }
    }
  });

  it('maps the reorganisations the brief names', () => {
    const successorsOf = (la: string) =>
      SUPERSEDED_CODES.find((entry) => entry.kind === 'council' && entry.la === la);
    expect(successorsOf('835')).toMatchObject({ successors: ['838', '839'], effective: '2019-04-01' });
    expect(successorsOf('928')).toMatchObject({ successors: ['940', '941'], effective: '2021-04-01' });
    expect(successorsOf('909')).toMatchObject({ successors: ['942', '943'], effective: '2023-04-01' });
    expect(isRetiredOnsCodeOf('370', 'E08000016')).toBe(true);
    expect(isRetiredOnsCodeOf('373', 'E08000019')).toBe(true);
    expect(isRetiredOnsCodeOf('815', 'E10000023')).toBe(true);
    expect(isRetiredOnsCodeOf('933', 'E10000027')).toBe(true);
    expect(isRetiredOnsCodeOf('370', 'E08000019')).toBe(false);
  });

  it('knows when a council existed, for March and September periods', () => {
    // Cumberland from 1 April 2023: first CIN year to 31 March 2024; first workforce census September 2023.
    expect(councilExistedIn('942', 2023, false)).toBe(false);
    expect(councilExistedIn('942', 2024, false)).toBe(true);
    expect(councilExistedIn('942', 2023, true)).toBe(true);
    expect(councilExistedIn('942', 2022, true)).toBe(false);
    // Cumbria: last CIN year to 31 March 2023; last workforce census September 2022.
    expect(councilExistedIn('909', 2023, false)).toBe(true);
    expect(councilExistedIn('909', 2024, false)).toBe(false);
    expect(councilExistedIn('909', 2023, true)).toBe(false);
    // Northamptonshire to 31 March 2021; Dorset Council from the year to 31 March 2020.
    expect(councilExistedIn('928', 2021, false)).toBe(true);
    expect(councilExistedIn('941', 2021, false)).toBe(false);
    expect(councilExistedIn('838', 2019, false)).toBe(false);
    expect(councilExistedIn('838', 2020, false)).toBe(true);
    // Untouched councils always existed.
    expect(councilExistedIn('886', 2013, false)).toBe(true);
  });

  it('lists joint returns between current councils', () => {
    for (const joint of JOINT_RETURNS) for (const la of joint.councils) expect(findCouncil(la)).toBeDefined();
  });
});
