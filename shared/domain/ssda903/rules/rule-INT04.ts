// Domain: SSDA903 rule INT04 — child in Missing must exist in Header. Catalogue fields: CHILD (Header, Missing).
import type { Rule } from '../model.ts';
import { notInHeaderRule } from './factories.ts';

export const ruleINT04: Rule = notInHeaderRule('INT04', 'Missing');
