// Domain: SSDA903 rule 586 — missing before birth. Catalogue fields: MIS_START (Missing).
import type { Rule } from '../model.ts';
import { intervalBeforeBirthRule, MISSING_INTERVAL } from './factories.ts';

export const rule586: Rule = intervalBeforeBirthRule('586', MISSING_INTERVAL);
