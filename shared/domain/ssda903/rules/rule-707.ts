// Domain: SSDA903 rule 707 — DoLO left open after care ended. Catalogue fields: DOLO_END (DoLo, Episodes);
// from 2026/27.
import type { Rule } from '../model.ts';
import { DOLO_INTERVAL, intervalOpenAfterCareRule } from './factories.ts';

export const rule707: Rule = intervalOpenAfterCareRule('707', DOLO_INTERVAL);
