import { describe, expect, it } from 'vitest';
import { rule2888Q } from '../../../../shared/domain/cin/rules/rule-2888Q.ts';
import { numbered, runCouncil } from './helpers.ts';

describe('CIN rule 2888Q', () => {
  it('every child with a disability has only one code', () => {
    const single = numbered(3, (child, index) => {
      child.disabilities = [['MOB', 'HAND', 'NONE'][index]!];
    });
    expect(runCouncil(rule2888Q, single)).toHaveLength(1);
    single[2]!.disabilities = ['LD', 'AUT'];
    expect(runCouncil(rule2888Q, single)).toEqual([]);
  });
});
