// Domain: SSDA903 rule INT05 — child in OC2 must exist in Header. Catalogue fields: CHILD (Header, OC2).
import type { Rule } from '../model.ts';
import { notInHeaderRule } from './factories.ts';

export const ruleINT05: Rule = notInHeaderRule('INT05', 'OC2');
