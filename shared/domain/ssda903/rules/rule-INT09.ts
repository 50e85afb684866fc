// Domain: SSDA903 rule INT09 — child in UASC must exist in Header. Catalogue fields: CHILD (Header, UASC).
import type { Rule } from '../model.ts';
import { notInHeaderRule } from './factories.ts';

export const ruleINT09: Rule = notInHeaderRule('INT09', 'UASC');
