// Domain: SSDA903 rule INT32 — one Header row per child. Catalogue fields: CHILD (Header).
import type { Rule } from '../model.ts';
import { onlyOnceRule } from './factories.ts';

export const ruleINT32: Rule = onlyOnceRule('INT32', 'Header');
