// Domain: SSDA903 rule 392b — postcodes recorded for a looked-after child. Catalogue fields: HOME_POST PL_POST
// (Episodes). Short breaks (V3, V4) need none, and nor do unaccompanied asylum-seeking children: a child with a
// UASC row in this return is left out. A child who was UASC only in earlier years cannot be seen here. Each
// missing postcode is flagged.
import type { Finding, Rule } from '../model.ts';
import { finding, rowsOf, SHORT_BREAK_LEGAL_STATUSES, val } from './support.ts';

export const rule392b: Rule = {
  code: '392b',
  description:
    'The child is looked after but the home postcode or the placement postcode is missing (not needed for short breaks or asylum-seeking children).',
  tables: ['Episodes'],
  fields: ['HOME_POST', 'PL_POST', 'LS'],
  check(child) {
    if (rowsOf(child, 'UASC').length > 0) return [];
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'Episodes')) {
      if (SHORT_BREAK_LEGAL_STATUSES.includes(row.values.LS ?? '')) continue;
      for (const field of ['HOME_POST', 'PL_POST'])
        if (val(row, field) === '') findings.push(finding('392b', child, row, field));
    }
    return findings;
  },
};
