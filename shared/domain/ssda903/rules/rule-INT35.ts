// Domain: SSDA903 rule INT35 — one PrevPerm row per child. Catalogue fields: CHILD (PrevPerm).
import type { Rule } from '../model.ts';
import { onlyOnceRule } from './factories.ts';

export const ruleINT35: Rule = onlyOnceRule('INT35', 'PrevPerm');
