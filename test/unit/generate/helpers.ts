// Test helper: a generated return written to a scratch folder and checked with the service's own ingestion,
// keeping the aggregates the service would store.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateFiles } from '../../../shared/cli/validate.ts';
import { type GenerateRequest, generateReturn } from '../../../shared/domain/generate/index.ts';
import { loadNationalBaseline } from '../../../shared/domain/indicators/reference-data.ts';
import type { ReturnAggregates } from '../../../shared/ports/aggregates.ts';

export interface Checked {
  readonly status: string;
  readonly report: Record<string, unknown> & { totals: { problems: number } };
  readonly aggregates: ReturnAggregates | undefined;
  /** Every finding code the report names (rules, errors, queries, blocking errors). */
  readonly codes: ReadonlySet<string>;
}

export async function generateAndValidate(request: GenerateRequest, folder: string): Promise<Checked> {
  const files = generateReturn(request, loadNationalBaseline());
  const dir = path.join(
    folder,
    `${request.returnType}-${request.la}-${request.collectionYear}-${request.seed}-${request.format ?? 'csv'}`,
  );
  mkdirSync(dir, { recursive: true });
  const paths = files.map((file) => {
    const target = path.join(dir, file.name);
    writeFileSync(target, file.content);
    return target;
  });
  let aggregates: ReturnAggregates | undefined;
  const result = await validateFiles({
    returnType: request.returnType,
    collectionYear: request.collectionYear,
    la: request.la,
    files: paths,
    aggregates: {
      saveReturnAggregates: async (saved) => {
        aggregates = saved;
        return {};
      },
      currentAggregates: async () => undefined,
    },
  });
  const report = JSON.parse(result.json);
  const codes = new Set<string>();
  for (const list of [report.rules, report.errors, report.queries, report.blockingErrors])
    for (const entry of list ?? []) if (entry.code) codes.add(entry.code);
  return { status: result.status, report, aggregates, codes };
}
