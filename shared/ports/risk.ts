// Port: risk assessments, every one kept with its version (history), and the council's current one.
import type { AdviserOverride, RiskAssessment } from '../domain/risk/assess.ts';

export interface StoredAssessment {
  readonly version: number;
  readonly assessment: RiskAssessment;
  /** The event that caused it. */
  readonly cause: { readonly type: string; readonly eventId: string };
  readonly assessedAt: string;
  /**
   * On the current assessment only: it changed something worth an alert, and that alert is not yet known to
   * have been sent. The next reassessment of the council sends it before anything else.
   */
  readonly alertPending?: boolean;
}

export interface RiskStore {
  current(la: string): Promise<StoredAssessment | undefined>;
  /** Newest first, read consistently: the first entry is the current assessment. */
  history(la: string, limit: number): Promise<StoredAssessment[]>;
  /**
   * Stores `stored` as the council's next version; 'conflict' when another assessment took that version
   * first (concurrent recomputes), so the caller can assess again from the new current one.
   */
  save(la: string, stored: StoredAssessment): Promise<'saved' | 'conflict'>;
  /** The alert of version `version` was sent: its `alertPending` is cleared, if it is still the current one. */
  alertSent(la: string, version: number): Promise<void>;
  /** The adviser's override for the council, expired or not (the engine decides whether it applies). */
  override(la: string): Promise<(AdviserOverride & { readonly setAt: string }) | undefined>;
  setOverride(la: string, override: (AdviserOverride & { readonly setAt: string }) | null): Promise<void>;
}
