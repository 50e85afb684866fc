// Domain: SSDA903 rule INT08 — child in Reviews must exist in Header. Catalogue fields: CHILD (Header, Reviews).
import type { Rule } from '../model.ts';
import { notInHeaderRule } from './factories.ts';

export const ruleINT08: Rule = notInHeaderRule('INT08', 'Reviews');
