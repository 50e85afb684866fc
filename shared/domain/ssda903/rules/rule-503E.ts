// Domain: SSDA903 rule 503E — this year's first episode continues the one open at the end of last year, but its
// PLACE_PROVIDER differs. Catalogue fields: PLACE_PROVIDER (Episodes, Episodes_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { carriedFieldRule } from './last-year.ts';

export const rule503E: Rule = carriedFieldRule({
  code: '503E',
  description:
    'This year’s first episode continues the episode open at the end of last year (same start date), but its placement provider is not the one last year’s return gave.',
  field: 'PLACE_PROVIDER',
});
