// Domain: SSDA903 rule 180 — SDQ score. Catalogue fields: SDQ_SCORE (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
/** The Strengths and Difficulties Questionnaire total is a whole number from 0 to 40. */
export const rule180: Rule = rowRule({
  code: '180',
  description:
    'The Strengths and Difficulties Questionnaire (SDQ) score must be a whole number from 0 to 40.',
  table: 'OC2',
  fields: ['SDQ_SCORE'],
  flagField: 'SDQ_SCORE',
  fails: (row) => {
    const score = row.values.SDQ_SCORE ?? '';
    return score !== '' && !(/^\d{1,2}$/.test(score) && Number(score) <= 40);
  },
});
