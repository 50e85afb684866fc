import { describe, expect, it } from 'vitest';
import { rule2887Q } from '../../../../shared/domain/cin/rules/rule-2887Q.ts';
import { numbered, runCouncil } from './helpers.ts';

describe('CIN rule 2887Q', () => {
  it('fewer than 8 disability codes in the whole return', () => {
    const codes = ['MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS'];
    expect(
      runCouncil(
        rule2887Q,
        numbered(8, (child, index) => {
          child.disabilities = [codes[index]!];
        }),
      ),
    ).toEqual([]);
    expect(
      runCouncil(
        rule2887Q,
        numbered(7, (child, index) => {
          child.disabilities = [codes[index]!];
        }),
      ),
    ).toHaveLength(1);
  });
});
