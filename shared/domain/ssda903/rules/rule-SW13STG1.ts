// Domain: SSDA903 rule SW13STG1 — reason for social worker change. Catalogue fields: SW_REASON (SWEpisodes);
// last defined 2024/25, when a blank reason also became an error (except on the child's first episode).
import type { Rule } from '../model.ts';
import { SW_REASON_CODES } from './code-lists.ts';
import { codeListRule } from './factories.ts';
import { finding, rowsOf, sortedByDate } from './support.ts';

export const ruleSW13STG1Until2024: Rule = codeListRule({
  code: 'SW13STG1',
  description: 'The reason for social worker change is not a valid code.',
  table: 'SWEpisodes',
  field: 'SW_REASON',
  codes: SW_REASON_CODES,
  required: false,
});

export const ruleSW13STG1: Rule = {
  code: 'SW13STG1',
  description:
    "The reason for social worker change is not valid, or is blank on an episode other than the child's first.",
  tables: ['SWEpisodes'],
  fields: ['SW_REASON'],
  check(child) {
    const first = sortedByDate(rowsOf(child, 'SWEpisodes'), 'SW_DECOM')[0]?.row;
    return rowsOf(child, 'SWEpisodes')
      .filter((row) => {
        const reason = row.values.SW_REASON ?? '';
        return reason === '' ? row !== first : !SW_REASON_CODES.includes(reason);
      })
      .map((row) => finding('SW13STG1', child, row, 'SW_REASON'));
  },
};
