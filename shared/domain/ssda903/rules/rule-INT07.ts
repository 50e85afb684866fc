// Domain: SSDA903 rule INT07 — child in PrevPerm must exist in Header. Catalogue fields: CHILD (Header, PrevPerm).
import type { Rule } from '../model.ts';
import { notInHeaderRule } from './factories.ts';

export const ruleINT07: Rule = notInHeaderRule('INT07', 'PrevPerm');
