// Domain: SSDA903 rule 214 — no placement location for short breaks. Catalogue fields: PL_POST URN (Episodes).
import type { Finding, Rule } from '../model.ts';
import { finding, rowsOf, SHORT_BREAK_LEGAL_STATUSES, val } from './support.ts';

export const rule214: Rule = {
  code: '214',
  description:
    'Placement postcode and URN are not needed for a child on short breaks (legal status V3 or V4).',
  tables: ['Episodes'],
  fields: ['PL_POST', 'URN'],
  check(child) {
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'Episodes')) {
      if (!SHORT_BREAK_LEGAL_STATUSES.includes(row.values.LS ?? '')) continue;
      for (const field of ['PL_POST', 'URN']) {
        if (val(row, field) !== '') findings.push(finding('214', child, row, field));
      }
    }
    return findings;
  },
};
