// Domain: SSDA903 rule 503F — this year's first episode continues the one open at the end of last year, but its
// URN differs. Catalogue fields: URN (Episodes, Episodes_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { carriedFieldRule } from './last-year.ts';

export const rule503F: Rule = carriedFieldRule({
  code: '503F',
  description:
    'This year’s first episode continues the episode open at the end of last year (same start date), but its Ofsted URN is not the one last year’s return gave.',
  field: 'URN',
});
