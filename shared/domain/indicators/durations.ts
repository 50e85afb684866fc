// Domain: how DfE turns "2 years" and "2.5 years" into days for its children's social care indicators.
//
// DfE's LAIT entry for child protection plans lasting 2 years or more ("CPPlans2yrsActive") defines two
// years as more than 729 calendar days counting the days at both ends. The same convention is used for
// every duration threshold: 365 days to a year, both the first and the last day counted, so 2 years is
// 730 days and 2.5 years is 913 days (912.5 rounded up: a part day cannot be served).

import type { Day } from '../dates.ts';

export const DAYS_IN_2_YEARS = 730;
export const DAYS_IN_2_5_YEARS = 913;

/** Days from `from` to `to`, both counted: a plan that starts and is measured on the same day has lasted 1. */
export function daysCounted(from: Day, to: Day): number {
  return to - from + 1;
}
