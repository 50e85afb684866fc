import { describe, expect, it } from 'vitest';
import { rule8510 } from '../../../../shared/domain/cin/rules/rule-8510.ts';
import { numbered, runCouncil } from './helpers.ts';

describe('CIN rule 8510', () => {
  it('two children with one LA child ID are reported', () => {
    expect(
      runCouncil(
        rule8510,
        numbered(2, (child) => {
          child.laChildId = 'SAME';
        }),
      ),
    ).toHaveLength(1);
    expect(runCouncil(rule8510, numbered(2))).toEqual([]);
  });
});
