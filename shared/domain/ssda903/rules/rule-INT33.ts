// Domain: SSDA903 rule INT33 — one OC2 row per child. Catalogue fields: CHILD (OC2).
import type { Rule } from '../model.ts';
import { onlyOnceRule } from './factories.ts';

export const ruleINT33: Rule = onlyOnceRule('INT33', 'OC2');
