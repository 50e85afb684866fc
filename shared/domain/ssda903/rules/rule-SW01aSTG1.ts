// Domain: SSDA903 rule SW01aSTG1 — social worker episodes before April 2023 are complete. Catalogue fields:
// SW_DECOM SW_ID (SWEpisodes); from 2024/25.
import type { Finding, Rule } from '../model.ts';
import { daysOf, finding, fixedDay, rowsOf } from './support.ts';

const SW_COLLECTION_START = fixedDay(2023, 4, 1);

/** Every episode needs a start date; one that started before 1 April 2023 also needs a social worker ID. */
export const ruleSW01aSTG1: Rule = {
  code: 'SW01aSTG1',
  description:
    'Social worker episode information is incomplete: a start date is needed, and an ID for episodes before April 2023.',
  tables: ['SWEpisodes'],
  fields: ['SW_DECOM', 'SW_ID'],
  check(child) {
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'SWEpisodes')) {
      const start = daysOf(row).SW_DECOM ?? null;
      if ((row.values.SW_DECOM ?? '') === '') findings.push(finding('SW01aSTG1', child, row, 'SW_DECOM'));
      else if (start !== null && start < SW_COLLECTION_START && (row.values.SW_ID ?? '') === '') {
        findings.push(finding('SW01aSTG1', child, row, 'SW_ID'));
      }
    }
    return findings;
  },
};
