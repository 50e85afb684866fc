// Domain: calendar dates as whole days since 1970-01-01 (UTC), so comparisons and arithmetic are exact.

export type Day = number;
const MS_PER_DAY = 86_400_000;

export function dayFromParts(year: number, month: number, day: number): Day | null {
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return ms / MS_PER_DAY;
}

/** Parses a UK date "dd/mm/yyyy" (as returns carry them); null if it is not a real calendar date. */
export function parseUkDate(text: string): Day | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  return dayFromParts(Number(match[3]), Number(match[2]), Number(match[1]));
}

/** Parses an ISO date "yyyy-mm-dd" (as the CIN census XML carries them). */
export function parseIsoDate(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function formatIsoDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function formatUkDay(day: Day): string {
  const [y, m, d] = formatIsoDay(day).split('-');
  return `${d}/${m}/${y}`;
}

export function dayParts(day: Day): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
