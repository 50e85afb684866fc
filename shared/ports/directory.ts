// Port: the directory of regional advisers (who receives risk alerts, and how).
import type { Adviser } from '../domain/directory.ts';

export interface DirectoryStore {
  /** Every adviser, active or not, ordered by region then id; read consistently. */
  listAdvisers(): Promise<Adviser[]>;
  getAdviser(adviserId: string): Promise<Adviser | undefined>;
  /** Creates or replaces the adviser. */
  putAdviser(adviser: Adviser): Promise<void>;
  /** Read consistently: an adviser deactivated a moment ago gets no further alerts. */
  activeAdvisersInRegion(region: string): Promise<Adviser[]>;
}
