// Domain: SSDA903 rule 574 — overlapping missing periods. Catalogue fields: MIS_START MIS_END (Missing).
import type { Rule } from '../model.ts';
import { intervalOverlapRule, MISSING_INTERVAL } from './factories.ts';

export const rule574: Rule = intervalOverlapRule('574', MISSING_INTERVAL);
