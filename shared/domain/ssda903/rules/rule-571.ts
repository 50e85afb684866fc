// Domain: SSDA903 rule 571 — missing period ending outside the year. Catalogue fields: MIS_END (Missing).
import type { Rule } from '../model.ts';
import { intervalEndsOutsideYearRule, MISSING_INTERVAL } from './factories.ts';

export const rule571: Rule = intervalEndsOutsideYearRule('571', MISSING_INTERVAL);
