// Domain: SSDA903 rule 393 — whether a looked-after girl is a mother is recorded. Catalogue fields: MOTHER
// (Header, Episodes); last defined 2024/25, when female became F instead of 2. Children only on short breaks
// (V3, V4) are not asked.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { rowsOf, SHORT_BREAKS } from './support.ts';

function motherRecorded(female: string): Rule {
  return rowRule({
    code: '393',
    description: 'The child is a looked-after girl but whether she is a mother is not recorded.',
    table: 'Header',
    tables: ['Header', 'Episodes'],
    fields: ['MOTHER', 'SEX', 'LS'],
    flagField: 'MOTHER',
    fails: (row, child) =>
      (row.values.SEX ?? '') === female &&
      (row.values.MOTHER ?? '') === '' &&
      rowsOf(child, 'Episodes').some((episode) => !SHORT_BREAKS.has(episode.values.LS ?? '')),
  });
}

export const rule393Until2024: Rule = motherRecorded('2');
export const rule393: Rule = motherRecorded('F');
