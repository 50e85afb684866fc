// Domain: SSDA903 rule 399 — no motherhood or review details for a child only on short breaks. Catalogue fields:
// MOTHER (Header), LS (Episodes), REVIEW REVIEW_CODE (Reviews). Applies when every episode of the child is a short
// break (V3, V4); each completed field is flagged.
import type { Finding, Rule } from '../model.ts';
import { finding, rowsOf, SHORT_BREAKS } from './support.ts';

export const rule399: Rule = {
  code: '399',
  description:
    'The child is only looked after on short breaks (V3 or V4), so whether she is a mother, reviews and participation should be left blank.',
  tables: ['Episodes', 'Header', 'Reviews'],
  fields: ['MOTHER', 'LS', 'REVIEW', 'REVIEW_CODE'],
  check(child) {
    const episodes = rowsOf(child, 'Episodes');
    if (episodes.length === 0 || !episodes.every((row) => SHORT_BREAKS.has(row.values.LS ?? ''))) return [];
    const findings: Finding[] = [];
    for (const header of rowsOf(child, 'Header'))
      if ((header.values.MOTHER ?? '') !== '') findings.push(finding('399', child, header, 'MOTHER'));
    for (const review of rowsOf(child, 'Reviews')) {
      if ((review.values.REVIEW ?? '') !== '') findings.push(finding('399', child, review, 'REVIEW'));
      else if ((review.values.REVIEW_CODE ?? '') !== '')
        findings.push(finding('399', child, review, 'REVIEW_CODE'));
    }
    return findings;
  },
};
