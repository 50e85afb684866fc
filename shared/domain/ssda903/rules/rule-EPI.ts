// Domain: SSDA903 rule EPI — a child in the Header with neither episodes nor care leaver information. Catalogue
// fields: CHILD (Header); last defined 2022/23.
import type { Rule } from '../model.ts';
import { finding, headerRow, NO_FINDINGS, rowsOf } from './support.ts';

export const ruleEPI: Rule = {
  code: 'EPI',
  description:
    'The child is in the Header but has no episodes and no care leaver information: load their episodes, or remove them from the Header.',
  tables: ['Header'],
  fields: ['CHILD'],
  check(child) {
    const header = headerRow(child);
    if (!header || rowsOf(child, 'Episodes').length > 0 || rowsOf(child, 'OC3').length > 0)
      return NO_FINDINGS;
    return [finding('EPI', child, header, 'CHILD')];
  },
};
