// The workforce crisis scenario: twelve monthly in-year uploads the service accepts, in which the workforce
// strains first, assessment timeliness falls later and repeat child protection plans rise last, with the
// intelligence advisers record along the way.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFiles } from '../../../shared/cli/validate.ts';
import { workforceCrisis } from '../../../shared/domain/generate/scenario.ts';
import { loadNationalBaseline } from '../../../shared/domain/indicators/reference-data.ts';
import { INTELLIGENCE_CATEGORIES } from '../../../shared/domain/intelligence.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'upstream-scenario-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const scenario = workforceCrisis(loadNationalBaseline(), '873', 2026, 2);

function month(index: number): Record<string, number> {
  const [header, row] = scenario.steps[index]!.upload.content.split('\r\n');
  const cells = row!.split(',');
  return Object.fromEntries(header!.split(',').map((column, at) => [column, Number(cells[at])]));
}
const share = (part: string, whole: string, from: number, to: number) => {
  let parts = 0;
  let wholes = 0;
  for (let index = from; index <= to; index += 1) {
    parts += month(index)[part]!;
    wholes += month(index)[whole]!;
  }
  return parts / wholes;
};
const vacancyRate = (index: number) =>
  month(index).sw_vacancy_fte! / (month(index).sw_vacancy_fte! + month(index).sw_fte_in_post!);

describe('workforce crisis', () => {
  it('is twelve months, each an upload the service accepts with no problems', async () => {
    expect(scenario.steps.map((step) => step.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    for (const step of scenario.steps) {
      const file = path.join(scratch, step.upload.name);
      writeFileSync(file, step.upload.content);
      const result = await validateFiles({
        returnType: 'inyear',
        collectionYear: 2026,
        la: '873',
        files: [file],
      });
      expect(result.status, step.month).toBe('accepted');
    }
  }, 30_000);

  it('strains the workforce first, then assessments, then repeat plans', () => {
    // Vacancies climb from the summer, before assessments slip.
    expect(vacancyRate(3) - vacancyRate(0)).toBeGreaterThan(0.05);
    expect(share('assessments_within_45_days', 'assessments_completed', 2, 3)).toBeGreaterThan(
      share('assessments_within_45_days', 'assessments_completed', 0, 1) - 0.1,
    );
    // By winter, assessments are much later and more plans are repeats than in the spring.
    expect(
      share('assessments_within_45_days', 'assessments_completed', 0, 2) -
        share('assessments_within_45_days', 'assessments_completed', 9, 11),
    ).toBeGreaterThan(0.2);
    expect(
      share('cp_plans_started_repeat', 'cp_plans_started', 9, 11) -
        share('cp_plans_started_repeat', 'cp_plans_started', 0, 2),
    ).toBeGreaterThan(0.15);
  });

  it('records intelligence in month order, with known categories', () => {
    const items = scenario.steps.flatMap((step) => step.intelligence);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.map((item) => item.observedOn)).toEqual([...items.map((item) => item.observedOn)].sort());
    for (const item of items) expect(INTELLIGENCE_CATEGORIES).toContain(item.category);
    expect(items.some((item) => item.category === 'workforce-pressure' && item.severity === 'high')).toBe(
      true,
    );
  });
});
