// Domain: SSDA903 rule 704 — DoLO ending outside the year. Catalogue fields: DOLO_END (DoLo); from 2026/27.
import type { Rule } from '../model.ts';
import { DOLO_INTERVAL, intervalEndsOutsideYearRule } from './factories.ts';

export const rule704: Rule = intervalEndsOutsideYearRule('704', DOLO_INTERVAL);
