import { describe, expect, it } from 'vitest';
import { rule205A } from '../../../../shared/domain/ssda903/rules/rule-205A.ts';
import { childWith, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const uasc = (DUC: string) => ({ SEX: 'M', DOB: '01/06/2007', DUC });

describe('rule 205A: UASC last year and not this year needs a DUC within last year', () => {
  // 2026: this year is April 2025 to March 2026, last year April 2024 to March 2025.
  it('flags a child no longer UASC whose last-year DUC is missing or outside last year', () => {
    const child = childWith('C1', { Header: [header()], UASC: [uasc('10/10/2023')] });
    const last = childWith('C1', { Header: [header()], UASC: [uasc('')] });
    expect(flagged(rule205A, child, withLastYear([last]))).toEqual(['UASC:2:DUC']);
  });

  it('accepts a DUC within last year, and a child still UASC', () => {
    const ceased = childWith('C1', { Header: [header()], UASC: [uasc('10/10/2024')] });
    expect(flagged(rule205A, ceased, withLastYear([ceased]))).toEqual([]);
    const still = childWith('C1', { Header: [header()], UASC: [uasc('')] });
    expect(flagged(rule205A, still, withLastYear([still]))).toEqual([]);
  });
});
