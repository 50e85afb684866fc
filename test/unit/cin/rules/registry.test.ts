// The CIN rule registry as a whole: every rule of every year has its own test module, a valid child passes
// every rule, and the rules added in 2024/25 apply only from that year.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cinContext } from '../../../../shared/domain/cin/engine.ts';
import type { CinChild } from '../../../../shared/domain/cin/model.ts';
import {
  ALL_CIN_RULES,
  CIN_RULES_FROM_2025,
  cinRulesFor,
} from '../../../../shared/domain/cin/rules/registry.ts';
import { upnCheckLetter } from '../../../../shared/domain/cin/rules/upn.ts';
import { context2025, validChild } from './helpers.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rulesDir = path.resolve(here, '../../../../shared/domain/cin/rules');

describe('CIN rule registry', () => {
  it('the valid child passes every rule', () => {
    const found = cinRulesFor(2025).child.flatMap((rule) =>
      rule.check(validChild() as CinChild, context2025),
    );
    expect(found).toEqual([]);
  });

  it('keeps each rule in its own module, with its own test module', () => {
    const codes = [...ALL_CIN_RULES.child, ...ALL_CIN_RULES.council].map((rule) => rule.code).sort();
    const modules = readdirSync(rulesDir)
      .filter((name) => name.startsWith('rule-'))
      .map((name) => name.slice('rule-'.length, -'.ts'.length))
      .sort();
    const tests = readdirSync(here)
      .filter((name) => name.startsWith('rule-'))
      .map((name) => name.slice('rule-'.length, -'.test.ts'.length))
      .sort();
    expect(modules).toEqual(codes);
    expect(tests).toEqual(codes);
  });

  it('applies the 2024/25 rules only from that year', () => {
    const before = new Set(cinRulesFor(2024).child.map((rule) => rule.code));
    const from = new Set(cinRulesFor(2025).child.map((rule) => rule.code));
    for (const code of CIN_RULES_FROM_2025) {
      expect(before.has(code)).toBe(false);
      if (!code.startsWith('2886')) expect(from.has(code)).toBe(true);
    }
    expect(CIN_RULES_FROM_2025.has('4180')).toBe(true);
    const oldChild = validChild();
    oldChild.sex = '1';
    oldChild.laChildId = 'child_1';
    const found = cinRulesFor(2024).child.flatMap((rule) =>
      rule.check(oldChild as CinChild, cinContext(2024)),
    );
    expect(found.map((finding) => finding.code)).not.toContain('4180');
    expect(found.map((finding) => finding.code)).not.toContain('1580');
  });

  it('computes UPN check letters as DfE defines them', () => {
    expect(upnCheckLetter('A886123456789')).toBe('A');
    expect(upnCheckLetter('X123456789123')).toBe('P');
    // A letter in position 13 counts as its place in the check-letter list: B is 1, so 412 + 13 = 425,
    // remainder 11 → M.
    expect(upnCheckLetter('X88612345678B')).toBe('M');
    expect(upnCheckLetter('X8861234567')).toBeNull();
  });
});
