// Domain: SSDA903 rule 577 — missing period left open after care ended. Catalogue fields: MIS_END (Episodes,
// Missing).
import type { Rule } from '../model.ts';
import { intervalOpenAfterCareRule, MISSING_INTERVAL } from './factories.ts';

export const rule577: Rule = intervalOpenAfterCareRule('577', MISSING_INTERVAL);
