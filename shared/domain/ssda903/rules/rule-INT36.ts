// Domain: SSDA903 rule INT36 — one UASC row per child. Catalogue fields: CHILD (UASC).
import type { Rule } from '../model.ts';
import { onlyOnceRule } from './factories.ts';

export const ruleINT36: Rule = onlyOnceRule('INT36', 'UASC');
