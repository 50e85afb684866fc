// Domain: SSDA903 rule 437 — no episodes after death or an 18+ age assessment. Catalogue fields: REC (Episodes).
import type { Finding, Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { whenSomeEpisode } from './factories.ts';
import { episodesInOrder, finding } from './support.ts';

/** E2: died. E15: age assessment found the child to be 18 or over. */
const FINAL_REASONS = codeSet('REC', ['E2', 'E15']);

// Most children have neither reason.
export const rule437: Rule = whenSomeEpisode(FINAL_REASONS, {
  code: '437',
  description:
    'The episode ceased because the child died (E2) or was assessed as 18 or over (E15), but later episodes are recorded.',
  tables: ['Episodes'],
  fields: ['REC'],
  check(child) {
    const episodes = episodesInOrder(child);
    let findings: Finding[] | null = null;
    // Every episode but the latest.
    for (let index = 0; index < episodes.length - 1; index++) {
      const row = episodes[index]!.row;
      if (!FINAL_REASONS.has(row.values.REC ?? '')) continue;
      findings ??= [];
      findings.push(finding('437', child, row, 'REC'));
    }
    return findings ?? [];
  },
});
