// Domain: SSDA903 rule 567 — missing period ends before it starts. Catalogue fields: MIS_START MIS_END.
import type { Rule } from '../model.ts';
import { intervalEndsBeforeStartRule, MISSING_INTERVAL } from './factories.ts';

export const rule567: Rule = intervalEndsBeforeStartRule('567', MISSING_INTERVAL);
