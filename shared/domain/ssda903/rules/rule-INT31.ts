// Domain: SSDA903 rule INT31 — one AD1 row per child. Catalogue fields: CHILD (AD1).
import type { Rule } from '../model.ts';
import { onlyOnceRule } from './factories.ts';

export const ruleINT31: Rule = onlyOnceRule('INT31', 'AD1');
