// Domain: SSDA903 rule 702 — DoLO ends before it starts. Catalogue fields: DOLO_START DOLO_END; from 2026/27.
import type { Rule } from '../model.ts';
import { DOLO_INTERVAL, intervalEndsBeforeStartRule } from './factories.ts';

export const rule702: Rule = intervalEndsBeforeStartRule('702', DOLO_INTERVAL);
