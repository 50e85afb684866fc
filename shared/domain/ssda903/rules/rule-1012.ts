// Domain: SSDA903 rule 1012 — a care leaver with no episode this year has no other data. Catalogue fields:
// CHILD (Episodes).
import type { Finding, Rule, TableName } from '../model.ts';
import { finding, hasEpisodeInYear, rowsOf, tablePresent } from './support.ts';

/** Tables about a child in care this year; UASC is left to rule 1014, which says the same for it. */
const IN_CARE_TABLES: readonly TableName[] = [
  'Reviews',
  'OC2',
  'AD1',
  'PlacedAdoption',
  'PrevPerm',
  'Missing',
];

export const rule1012: Rule = {
  code: '1012',
  description:
    'The young person is in the return only as a care leaver (OC3, no episode this year), so no other information about time in care should be sent.',
  tables: ['OC3', 'Episodes', ...IN_CARE_TABLES],
  fields: ['CHILD'],
  check(child, context) {
    if (!tablePresent(context, 'Episodes') || rowsOf(child, 'OC3').length === 0) return [];
    if (hasEpisodeInYear(child, context)) return [];
    const findings: Finding[] = [];
    for (const table of IN_CARE_TABLES)
      for (const row of rowsOf(child, table)) findings.push(finding('1012', child, row, 'CHILD'));
    return findings;
  },
};
