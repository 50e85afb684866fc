// Domain: SSDA903 rule INT03 — child in Episodes must exist in Header. Catalogue fields: CHILD (Header, Episodes).
import type { Rule } from '../model.ts';
import { notInHeaderRule } from './factories.ts';

export const ruleINT03: Rule = notInHeaderRule('INT03', 'Episodes');
