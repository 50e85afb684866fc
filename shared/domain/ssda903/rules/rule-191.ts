// Domain: SSDA903 rule 191 — the core 12-month items are completed for children looked after for 12 months.
// Catalogue fields: IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE CHILD (OC2, Episodes).
import type { Finding, Rule } from '../model.ts';
import { continuouslyLookedAfter, finding, rowsOf, tablePresent, val } from './support.ts';

const CORE = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'];

export const rule191: Rule = {
  code: '191',
  description:
    'The child was looked after continuously for the 12 months to 31 March, but immunisations, teeth check, health assessment or substance misuse is blank.',
  tables: ['OC2', 'Episodes'],
  fields: CORE,
  check(child, context) {
    if (!tablePresent(context, 'Episodes')) return [];
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'OC2'))
      for (const field of CORE) if (val(row, field) === '') findings.push(finding('191', child, row, field));
    return findings.length > 0 && continuouslyLookedAfter(child, context) ? findings : [];
  },
};
