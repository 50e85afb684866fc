// Domain: SSDA903 rule 503C — this year's first episode continues the one open at the end of last year, but its
// CIN differs. Catalogue fields: CIN (Episodes, Episodes_last); last defined 2022/23.
import type { Rule } from '../model.ts';
import { carriedFieldRule } from './last-year.ts';

export const rule503C: Rule = carriedFieldRule({
  code: '503C',
  description:
    'This year’s first episode continues the episode open at the end of last year (same start date), but its category of need is not the one last year’s return gave.',
  field: 'CIN',
});
