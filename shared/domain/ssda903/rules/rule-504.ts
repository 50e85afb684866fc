// Domain: SSDA903 rule 504 — category of need fixed for a period of care. Catalogue fields: CIN (Episodes).
import type { Finding, Rule } from '../model.ts';
import { ep, episodesInOrder, finding, periodsOfCare } from './support.ts';

export const rule504: Rule = {
  code: '504',
  description:
    'The category of need differs from the one recorded at the start of this period of being looked after.',
  tables: ['Episodes'],
  fields: ['CIN'],
  check(child) {
    const findings: Finding[] = [];
    for (const period of periodsOfCare(episodesInOrder(child))) {
      const [first, ...rest] = period;
      if (!first) continue;
      for (const episode of rest) {
        if (ep(episode, 'CIN') !== ep(first, 'CIN')) findings.push(finding('504', child, episode.row, 'CIN'));
      }
    }
    return findings;
  },
};
