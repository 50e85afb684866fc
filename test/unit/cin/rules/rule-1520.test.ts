import { describe, expect, it } from 'vitest';
import { rule1520 } from '../../../../shared/domain/cin/rules/rule-1520.ts';
import { numbered, runCouncil } from './helpers.ts';

describe('CIN rule 1520', () => {
  it('two children with one UPN are reported by line, without the UPN', () => {
    const issues = runCouncil(
      rule1520,
      numbered(3, (child, index) => {
        if (index > 0) child.upn = 'A886123456789';
      }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('Child 2, Child 3 (by position in the file)');
    expect(issues[0]!.message).not.toContain('A886123456789');
    expect(
      runCouncil(
        rule1520,
        numbered(3, (child, index) => {
          child.upn = `A88612345678${index}`;
        }),
      ),
    ).toEqual([]);
  });
});
