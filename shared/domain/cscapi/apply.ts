// Domain: one payload read, checked, degraded and applied to a council's current state, in one pass: the path
// every CSC API submission takes (and the benchmark measures).
import type { ByteSource } from '../reading/bytes.ts';
import { FindingCollector } from '../returns/report.ts';
import { readPayload } from './reader.ts';
import { PROBLEM_DESCRIPTIONS } from './schema.ts';
import { type CouncilState, StateUpdate } from './state.ts';

export interface PayloadOutcome {
  readonly documents: number;
  readonly applied: number;
  /** Children deleted: purged, or (a full payload) not in it. */
  readonly removed: number;
  readonly findings: FindingCollector;
}

/** Whether a file is a full payload (the council's whole account) rather than a delta: its name says "full". */
export const isFullPayload = (fileName: string): boolean => /(^|[^a-z])full([^a-z]|$)/i.test(fileName);

export async function applyPayload(
  source: ByteSource,
  state: CouncilState,
  options: { readonly fileName: string; readonly la: string; readonly councilKey: Buffer },
): Promise<PayloadOutcome> {
  const findings = new FindingCollector(PROBLEM_DESCRIPTIONS);
  const update = new StateUpdate(state, isFullPayload(options.fileName));
  const read = await readPayload(source, {
    ...options,
    findings,
    keptBirthMonth: (key) => state.get(key)?.birthMonth,
    onChange: (change) => update.apply(change),
    onKept: (key) => update.keep(key),
  });
  const absent = update.finish();
  return { ...read, removed: update.purged + absent, findings };
}
