import { describe, expect, it } from 'vitest';
import { rule100 } from '../../../../shared/domain/cin/rules/rule-100.ts';
import { numbered, runCouncil } from './helpers.ts';

describe('CIN rule 100', () => {
  it('the reference date must be 31 March of the census year', () => {
    expect(runCouncil(rule100, numbered(1), '2024-03-31')).toHaveLength(1);
    expect(runCouncil(rule100, numbered(1))).toEqual([]);
  });
});
