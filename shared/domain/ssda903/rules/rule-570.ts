// Domain: SSDA903 rule 570 — missing period starting after the year. Catalogue fields: MIS_START (Missing).
import type { Rule } from '../model.ts';
import { intervalStartsAfterYearRule, MISSING_INTERVAL } from './factories.ts';

export const rule570: Rule = intervalStartsAfterYearRule('570', MISSING_INTERVAL);
