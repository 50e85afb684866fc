import { describe, expect, it } from 'vitest';
import { rule209 } from '../../../../shared/domain/ssda903/rules/rule-209.ts';
import { childWith, contextFor, flagged, header } from './helpers.ts';

describe('rule 209: UN1 is not a UPN reason for a child of school age', () => {
  it('flags UN1 for a child who was 4 by 31 August 2024 (the 2025/26 return)', () => {
    expect(
      flagged(rule209, childWith('C1', { Header: [header({ UPN: 'UN1', DOB: '31/08/2020' })] })),
    ).toEqual(['Header:2:UPN']);
  });

  it('accepts UN1 for a younger child, and moves the cut-off with the collection year', () => {
    const child = childWith('C1', { Header: [header({ UPN: 'UN1', DOB: '01/09/2020' })] });
    expect(flagged(rule209, child)).toEqual([]);
    expect(flagged(rule209, child, contextFor(2027))).toEqual(['Header:2:UPN']);
  });
});
