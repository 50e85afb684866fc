// Domain: SSDA903 rule 334 — the decision that adoption is best comes after care began. Catalogue fields:
// DATE_INT (AD1), DECOM RNE (Episodes). The latest period of care starts with the last episode that is a new
// start (S).
import type { Finding, Rule } from '../model.ts';
import { daysOf, episodesInOrder, finding, rowsOf } from './support.ts';

export const rule334: Rule = {
  code: '334',
  description:
    'The decision that the child should be placed for adoption is dated before the child started to be looked after in the latest period of care.',
  tables: ['AD1', 'Episodes'],
  fields: ['DATE_INT', 'DECOM', 'RNE'],
  check(child) {
    const starts = episodesInOrder(child).filter((episode) => (episode.row.values.RNE ?? '') === 'S');
    const latestStart = starts[starts.length - 1];
    if (!latestStart) return [];
    const findings: Finding[] = [];
    for (const ad1 of rowsOf(child, 'AD1')) {
      const decided = daysOf(ad1).DATE_INT ?? null;
      if (decided === null || decided >= latestStart.decom) continue;
      findings.push(finding('334', child, ad1, 'DATE_INT'), finding('334', child, latestStart.row, 'DECOM'));
    }
    return findings;
  },
};
