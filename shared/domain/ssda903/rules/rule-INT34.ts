// Domain: SSDA903 rule INT34 — one OC3 row per child. Catalogue fields: CHILD (OC3).
import type { Rule } from '../model.ts';
import { onlyOnceRule } from './factories.ts';

export const ruleINT34: Rule = onlyOnceRule('INT34', 'OC3');
