// Domain: SSDA903 rule 367 — at most 75 days of short breaks in a year. Catalogue fields: LS DECOM DEC
// (Episodes). Days of short-break episodes (V3) are counted within the collection year; an open one runs to
// 31 March. Every short-break episode that adds days is flagged when the total is over 75.
import type { Finding, Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { whenSomeEpisode } from './factories.ts';
import { episodesInOrder, finding } from './support.ts';

const SINGLE_SHORT_BREAK = codeSet('LS', ['V3']);

// Most children have no short breaks.
export const rule367: Rule = whenSomeEpisode(SINGLE_SHORT_BREAK, {
  code: '367',
  description: 'Short breaks (legal status V3) add up to more than 75 days in the year.',
  tables: ['Episodes'],
  fields: ['LS', 'DECOM', 'DEC'],
  check(child, context) {
    let total = 0;
    const counted = [];
    for (const episode of episodesInOrder(child)) {
      if ((episode.row.values.LS ?? '') !== 'V3') continue;
      if ((episode.row.values.DEC ?? '') !== '' && episode.dec === null) continue;
      const start = Math.max(episode.decom, context.periodStart);
      const end = Math.min(episode.dec ?? context.periodEnd, context.periodEnd);
      if (end <= start) continue;
      total += end - start;
      counted.push(episode);
    }
    if (total <= 75) return [];
    return counted.map((episode): Finding => finding('367', child, episode.row, 'LS'));
  },
});
