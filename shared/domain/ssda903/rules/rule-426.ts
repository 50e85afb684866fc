// Domain: SSDA903 rule 426 — short breaks under one legal status in a year, not both V3 and V4. Catalogue
// fields: LS (Episodes). Every short-break episode of a child with both is flagged.
import type { Finding, Rule } from '../model.ts';
import { whenSomeEpisode } from './factories.ts';
import { finding, NO_FINDINGS, rowsOf, SHORT_BREAKS } from './support.ts';

// Most children have no short breaks.
export const rule426: Rule = whenSomeEpisode(SHORT_BREAKS, {
  code: '426',
  description:
    'The child has short breaks recorded under both V3 (single breaks) and V4 (a series of breaks) in the same year.',
  tables: ['Episodes'],
  fields: ['LS'],
  check(child) {
    // The rows are gathered only when both kinds are there.
    let single = false;
    let series = false;
    for (const row of rowsOf(child, 'Episodes')) {
      if (row.values.LS === 'V3') single = true;
      else if (row.values.LS === 'V4') series = true;
    }
    if (!single || !series) return NO_FINDINGS;
    const shortBreaks = rowsOf(child, 'Episodes').filter((row) => SHORT_BREAKS.has(row.values.LS ?? ''));
    const statuses = new Set(shortBreaks.map((row) => row.values.LS ?? ''));
    if (statuses.size < 2) return NO_FINDINGS;
    return shortBreaks.map((row): Finding => finding('426', child, row, 'LS'));
  },
});
