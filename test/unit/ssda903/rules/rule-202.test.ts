import { describe, expect, it } from 'vitest';
import { rule202 } from '../../../../shared/domain/ssda903/rules/rule-202.ts';
import { childWith, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule 202: sex is the same as last year', () => {
  it('flags a sex that differs from last year’s', () => {
    const child = childWith('C1', { Header: [header({ SEX: 'F' })] });
    const last = childWith('C1', { Header: [header({ SEX: 'M' })] });
    expect(flagged(rule202, child, withLastYear([last]))).toEqual(['Header:2:SEX']);
  });

  it('accepts the same sex, and a child who was not in last year’s return', () => {
    const child = childWith('C1', { Header: [header({ SEX: 'F' })] });
    expect(
      flagged(rule202, child, withLastYear([childWith('C1', { Header: [header({ SEX: 'F' })] })])),
    ).toEqual([]);
    expect(
      flagged(rule202, child, withLastYear([childWith('C2', { Header: [header({ SEX: 'M' })] })])),
    ).toEqual([]);
  });

  it('reads 2023/24’s 1/2 codes and 2024/25’s M/F codes as the same sexes across the change', () => {
    const child = childWith('C1', { Header: [header({ SEX: 'F' })] });
    expect(
      flagged(rule202, child, withLastYear([childWith('C1', { Header: [header({ SEX: '2' })] })], 2025)),
    ).toEqual([]);
    expect(
      flagged(rule202, child, withLastYear([childWith('C1', { Header: [header({ SEX: '1' })] })], 2025)),
    ).toEqual(['Header:2:SEX']);
  });
});
