// Domain: SSDA903 rule 503B — this year's first episode continues the one open at the end of last year, but its
// LS differs. Catalogue fields: LS (Episodes, Episodes_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { carriedFieldRule } from './last-year.ts';

export const rule503B: Rule = carriedFieldRule({
  code: '503B',
  description:
    'This year’s first episode continues the episode open at the end of last year (same start date), but its legal status is not the one last year’s return gave.',
  field: 'LS',
});
