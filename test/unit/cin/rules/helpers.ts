// Test helper for the CIN rules: each rule is tried on a valid 2024/25 child changed one fact at a time (its
// failing case) and on a near miss that must pass.
import { expect, it } from 'vitest';
import { cinContext } from '../../../../shared/domain/cin/engine.ts';
import type { CinChild, CinCouncilRule, CinHeader, CinRule } from '../../../../shared/domain/cin/model.ts';
import { closedEpisode, type TestChild, validChild } from '../fixtures.ts';

export { closedEpisode, validChild };

type Patch = (child: TestChild) => void;
export interface Case {
  readonly fail: Patch;
  /** A near miss that must pass; the valid child itself when not given. */
  readonly pass?: Patch;
}

export const context2025 = cinContext(2025);

export const episode = (child: TestChild) => child.episodes[0]!;
export const assessment = (child: TestChild) => episode(child).assessments[0]!;
export const s47 = (child: TestChild) => episode(child).section47[0]!;
export const plan = (child: TestChild) => episode(child).protectionPlans[0]!;
export const withCinPlan = (child: TestChild, start: string, end: string) => {
  episode(child).cinPlans.push({ line: 60, where: 'Child 1, CINdetails 1, CINPlanDates 1', start, end });
};
/** A child on a CIN plan only (no enquiry, conference or protection plan). */
export const cinPlanOnly = (child: TestChild) => {
  episode(child).section47 = [];
  episode(child).protectionPlans = [];
};

/** The rule fails on the case (each finding on this child, its module, a real line) and passes the near miss. */
export function expectsCase(rule: CinRule, test: Case, context = context2025): void {
  it(`fails on its case: ${rule.description}`, () => {
    const failing = validChild();
    test.fail(failing);
    const findings = rule.check(failing as CinChild, context);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding).toMatchObject({ code: rule.code, child: 1, module: rule.module });
      expect(finding.line).toBeGreaterThan(0);
    }
  });
  it('passes its near miss', () => {
    const passing = validChild();
    test.pass?.(passing);
    expect(rule.check(passing as CinChild, context)).toEqual([]);
  });
}

const header = (referenceDate: string): CinHeader => ({
  line: 2,
  collection: 'CIN',
  year: '2025',
  referenceDate,
  referenceDateLine: 6,
  lea: '886',
});

export function runCouncil(rule: CinCouncilRule, children: TestChild[], referenceDate = '2025-03-31') {
  const check = rule.start(context2025, header(referenceDate));
  for (const child of children) check.add(child as CinChild);
  return check.finish();
}

/** `count` valid children with their own positions, lines and LA child IDs, and no UPN. */
export const numbered = (count: number, patch: (child: TestChild, index: number) => void = () => {}) =>
  Array.from({ length: count }, (_, index) => {
    const child = validChild();
    child.ordinal = index + 1;
    child.line = 10 + index * 100;
    child.laChildId = `C${index}`;
    child.upn = '';
    patch(child, index);
    return child;
  });
