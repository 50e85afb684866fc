// Domain: SSDA903 rule SW01bSTG1 — social worker episodes from April 2023 are complete. Catalogue fields:
// SW_DECOM SW_ID SW_REASON (SWEpisodes); from 2024/25.
import type { Finding, Rule } from '../model.ts';
import { daysOf, finding, fixedDay, rowsOf, val } from './support.ts';

const SW_COLLECTION_START = fixedDay(2023, 4, 1);

export const ruleSW01bSTG1: Rule = {
  code: 'SW01bSTG1',
  description:
    'A social worker episode starting on or after 1 April 2023 needs both the social worker ID and the reason for change.',
  tables: ['SWEpisodes'],
  fields: ['SW_DECOM', 'SW_ID', 'SW_REASON'],
  check(child) {
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'SWEpisodes')) {
      const start = daysOf(row).SW_DECOM ?? null;
      if (start === null || start < SW_COLLECTION_START) continue;
      for (const field of ['SW_ID', 'SW_REASON']) {
        if (val(row, field) === '') findings.push(finding('SW01bSTG1', child, row, field));
      }
    }
    return findings;
  },
};
