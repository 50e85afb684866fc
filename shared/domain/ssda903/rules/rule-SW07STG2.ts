// Domain: SSDA903 rule SW07STG2 — social worker episode end within the reporting period. Catalogue fields:
// SW_DEC (SWEpisodes); last defined 2024/25, when the reporting period was extended back one year.
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { addYears, daysOf } from './support.ts';

function endWithinReporting(yearsBack: number): Rule {
  return rowRule({
    code: 'SW07STG2',
    description:
      'The social worker episode end date must be on or after the start of the social worker reporting period and on or before the end of the collection year.',
    table: 'SWEpisodes',
    fields: ['SW_DEC'],
    flagField: 'SW_DEC',
    fails: (row, _child, context) => {
      const end = daysOf(row).SW_DEC ?? null;
      return end !== null && (end < addYears(context.periodStart, -yearsBack) || end > context.periodEnd);
    },
  });
}

/** 2023/24: the social worker reporting period is the collection year. */
export const ruleSW07STG2Until2024: Rule = endWithinReporting(0);
/** From 2024/25: episodes in the year before the collection year are reported too. */
export const ruleSW07STG2: Rule = endWithinReporting(1);
