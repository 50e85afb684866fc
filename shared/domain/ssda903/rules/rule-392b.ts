// Domain: SSDA903 rule 392b — postcodes recorded for a looked-after child. Catalogue fields: HOME_POST PL_POST
// (Episodes). Short breaks (V3, V4) need none, and nor do unaccompanied asylum-seeking children: a child with a
// UASC row in this return is left out. A child who was UASC only in earlier years cannot be seen here. Each
// missing postcode is flagged.
import type { Finding, Rule } from '../model.ts';
import { finding, NO_FINDINGS, rowsOf, SHORT_BREAKS } from './support.ts';

export const rule392b: Rule = {
  code: '392b',
  description:
    'The child is looked after but the home postcode or the placement postcode is missing (not needed for short breaks or asylum-seeking children).',
  tables: ['Episodes'],
  fields: ['HOME_POST', 'PL_POST', 'LS'],
  check(child) {
    if (rowsOf(child, 'UASC').length > 0) return NO_FINDINGS;
    // Fields read by name, and an array made only for a finding: this runs on every episode.
    let findings: Finding[] | null = null;
    const rows = rowsOf(child, 'Episodes');
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!;
      if (SHORT_BREAKS.has(row.values.LS ?? '')) continue;
      const noHome = (row.values.HOME_POST ?? '') === '';
      const noPlacement = (row.values.PL_POST ?? '') === '';
      if (!noHome && !noPlacement) continue;
      findings ??= [];
      if (noHome) findings.push(finding('392b', child, row, 'HOME_POST'));
      if (noPlacement) findings.push(finding('392b', child, row, 'PL_POST'));
    }
    return findings ?? NO_FINDINGS;
  },
};
