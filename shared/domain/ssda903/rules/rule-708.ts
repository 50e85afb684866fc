// Domain: SSDA903 rule 708 — DoLO before birth. Catalogue fields: DOLO_START (DoLo); from 2026/27.
import type { Rule } from '../model.ts';
import { DOLO_INTERVAL, intervalBeforeBirthRule } from './factories.ts';

export const rule708: Rule = intervalBeforeBirthRule('708', DOLO_INTERVAL);
