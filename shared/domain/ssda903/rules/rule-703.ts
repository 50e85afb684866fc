// Domain: SSDA903 rule 703 — DoLO starting after the year. Catalogue fields: DOLO_START (DoLo); from 2026/27.
import type { Rule } from '../model.ts';
import { DOLO_INTERVAL, intervalStartsAfterYearRule } from './factories.ts';

export const rule703: Rule = intervalStartsAfterYearRule('703', DOLO_INTERVAL);
