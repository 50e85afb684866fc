// Domain: SSDA903 rule 181 — the 12-month items (OC2) are 0 or 1. Catalogue fields: CONVICTED HEALTH_CHECK
// IMMUNISATIONS TEETH_CHECK HEALTH_ASSESSMENT SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED (OC2).
import type { Finding, Rule } from '../model.ts';
import { finding, OC2_TWELVE_MONTH_FIELDS, rowsOf, val } from './support.ts';

export const rule181: Rule = {
  code: '181',
  description:
    'An item for children looked after for 12 months (convictions, health checks, immunisations, teeth, health assessment, substance misuse, interventions) holds something other than 0 (no) or 1 (yes).',
  tables: ['OC2'],
  fields: OC2_TWELVE_MONTH_FIELDS,
  check(child) {
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'OC2'))
      for (const field of OC2_TWELVE_MONTH_FIELDS) {
        const value = val(row, field);
        if (value !== '' && value !== '0' && value !== '1') findings.push(finding('181', child, row, field));
      }
    return findings;
  },
};
