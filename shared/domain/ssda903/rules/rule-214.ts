// Domain: SSDA903 rule 214 — no placement location for short breaks. Catalogue fields: PL_POST URN (Episodes).
import type { Finding, Rule } from '../model.ts';
import { whenSomeEpisode } from './factories.ts';
import { finding, rowsOf, SHORT_BREAKS } from './support.ts';

// Most children have no short breaks.
export const rule214: Rule = whenSomeEpisode(SHORT_BREAKS, {
  code: '214',
  description:
    'Placement postcode and URN are not needed for a child on short breaks (legal status V3 or V4).',
  tables: ['Episodes'],
  fields: ['PL_POST', 'URN'],
  check(child) {
    const rows = rowsOf(child, 'Episodes');
    const findings: Finding[] = [];
    for (const row of rows) {
      if (!SHORT_BREAKS.has(row.values.LS ?? '')) continue;
      if ((row.values.PL_POST ?? '') !== '') findings.push(finding('214', child, row, 'PL_POST'));
      if ((row.values.URN ?? '') !== '') findings.push(finding('214', child, row, 'URN'));
    }
    return findings;
  },
});
