// Domain: SSDA903 rule 705 — overlapping DoLOs. Catalogue fields: DOLO_START DOLO_END (DoLo); from 2026/27.
import type { Rule } from '../model.ts';
import { DOLO_INTERVAL, intervalOverlapRule } from './factories.ts';

export const rule705: Rule = intervalOverlapRule('705', DOLO_INTERVAL);
