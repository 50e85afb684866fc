// Domain: SSDA903 rule 503A — this year's first episode continues the one open at the end of last year, but its
// RNE differs. Catalogue fields: RNE (Episodes, Episodes_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { carriedFieldRule } from './last-year.ts';

export const rule503A: Rule = carriedFieldRule({
  code: '503A',
  description:
    'This year’s first episode continues the episode open at the end of last year (same start date), but its reason for new episode is not the one last year’s return gave.',
  field: 'RNE',
});
