// Domain: SSDA903 rule SW10STG2 — overlapping social worker episodes. Catalogue fields: SW_DECOM (SWEpisodes);
// last defined 2024/25, which allows a week's handover and any overlap for a further contact (FCONTA).
import type { Rule } from '../model.ts';
import { consecutivePairs, daysOf, finding, rowsOf, sortedByDate } from './support.ts';

function overlapRule(toleranceDays: number, exemptReasons: readonly string[], description: string): Rule {
  return {
    code: 'SW10STG2',
    description,
    tables: ['SWEpisodes'],
    fields: ['SW_DECOM'],
    check(child) {
      const ordered = sortedByDate(rowsOf(child, 'SWEpisodes'), 'SW_DECOM');
      return consecutivePairs(ordered)
        .filter(([previous, next]) => {
          const previousEnd = daysOf(previous.row).SW_DEC ?? null;
          if (previousEnd === null || exemptReasons.includes(next.row.values.SW_REASON ?? '')) return false;
          return next.day < previousEnd - toleranceDays;
        })
        .map(([, next]) => finding('SW10STG2', child, next.row, 'SW_DECOM'));
    },
  };
}

export const ruleSW10STG2Until2024: Rule = overlapRule(
  0,
  [],
  'A new social worker episode starts before the previous social worker episode ended.',
);
export const ruleSW10STG2: Rule = overlapRule(
  7,
  ['FCONTA'],
  'A new social worker episode starts more than seven days before the previous one ended (other than for a further contact, FCONTA).',
);
