// Local cloud: EventBridge schedule expressions — rate(...) and cron(...) with an IANA time zone — and the
// next time each fires. Pure, so it is unit-tested directly.
import { UnsupportedTemplateError } from './intrinsics.ts';

export type ParsedSchedule =
  | { kind: 'rate'; everyMs: number }
  | { kind: 'cron'; fields: CronFields; timezone: string }
  | { kind: 'at'; at: Date };

interface CronFields {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number> | 'any';
  readonly months: ReadonlySet<number>;
  /** 1 = Sunday … 7 = Saturday, as EventBridge numbers them. */
  readonly daysOfWeek: ReadonlySet<number> | 'any';
  readonly years: ReadonlySet<number> | 'any';
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const RATE_UNITS: Record<string, number> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

function parseField(
  text: string,
  min: number,
  max: number,
  names: readonly string[] | undefined,
  where: string,
): Set<number> {
  const values = new Set<number>();
  const toNumber = (token: string) => {
    const named = names?.indexOf(token.toUpperCase()) ?? -1;
    const value = named >= 0 ? named + min : Number(token);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new UnsupportedTemplateError(
        where,
        `"${token}" is out of range ${min}-${max} in the cron expression`,
      );
    }
    return value;
  };
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      throw new UnsupportedTemplateError(where, `bad step "${stepText}" in the cron expression`);
    if (/[LW#]/.test(range))
      throw new UnsupportedTemplateError(
        where,
        `the cron feature "${range}" (L, W or #) is not supported locally`,
      );
    let start: number;
    let end: number;
    if (range === '*') [start, end] = [min, max];
    else if (range.includes('-')) {
      const [from, to] = range.split('-') as [string, string];
      [start, end] = [toNumber(from), toNumber(to)];
    } else {
      start = toNumber(range);
      end = stepText === undefined ? start : max;
    }
    for (let value = start; value <= end; value += step) values.add(value);
  }
  return values;
}

export function parseScheduleExpression(expression: string, timezone: string, where: string): ParsedSchedule {
  const rate = /^rate\((\d+)\s+(\w+)\)$/.exec(expression.trim());
  if (rate) {
    const unit = RATE_UNITS[rate[2]!];
    if (!unit || Number(rate[1]) < 1)
      throw new UnsupportedTemplateError(where, `"${expression}" is not a valid rate expression`);
    return { kind: 'rate', everyMs: Number(rate[1]) * unit };
  }
  const at = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(expression.trim());
  if (at) return { kind: 'at', at: new Date(`${at[1]}Z`) };
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  if (!cron)
    throw new UnsupportedTemplateError(where, `"${expression}" is not a rate, cron or at expression`);
  const parts = cron[1]!.trim().split(/\s+/);
  if (parts.length !== 6)
    throw new UnsupportedTemplateError(
      where,
      `cron expressions have six fields, "${expression}" has ${parts.length}`,
    );
  const [minutes, hours, dom, months, dow, years] = parts as [string, string, string, string, string, string];
  if ((dom === '?') === (dow === '?')) {
    throw new UnsupportedTemplateError(
      where,
      `exactly one of day-of-month and day-of-week must be "?" in "${expression}"`,
    );
  }
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: timezone });
  } catch {
    throw new UnsupportedTemplateError(where, `"${timezone}" is not a time zone`);
  }
  return {
    kind: 'cron',
    timezone,
    fields: {
      minutes: parseField(minutes, 0, 59, undefined, where),
      hours: parseField(hours, 0, 23, undefined, where),
      daysOfMonth: dom === '?' ? 'any' : parseField(dom, 1, 31, undefined, where),
      months: parseField(months, 1, 12, MONTHS, where),
      daysOfWeek: dow === '?' ? 'any' : parseField(dow, 1, 7, DAYS, where),
      years: years === '*' ? 'any' : parseField(years, 1970, 2199, undefined, where),
    },
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(date: Date, timezone: string) {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timezone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: DAYS.indexOf(String(parts.weekday).toUpperCase().slice(0, 3)) + 1,
  };
}

/** The first time strictly after `after` at which the schedule fires (null when it never will again). */
export function nextFireTime(schedule: ParsedSchedule, after: Date, startedAt = after): Date | null {
  if (schedule.kind === 'at') return schedule.at > after ? schedule.at : null;
  if (schedule.kind === 'rate') {
    const elapsed = after.getTime() - startedAt.getTime();
    return new Date(startedAt.getTime() + (Math.floor(elapsed / schedule.everyMs) + 1) * schedule.everyMs);
  }
  const { fields, timezone } = schedule;
  let candidate = new Date(Math.floor(after.getTime() / 60_000) * 60_000 + 60_000);
  const limit = after.getTime() + 366 * 86_400_000 * 5;
  while (candidate.getTime() <= limit) {
    const clock = wallClock(candidate, timezone);
    if (
      fields.minutes.has(clock.minute) &&
      fields.hours.has(clock.hour) &&
      fields.months.has(clock.month) &&
      (fields.daysOfMonth === 'any' || fields.daysOfMonth.has(clock.day)) &&
      (fields.daysOfWeek === 'any' || fields.daysOfWeek.has(clock.weekday)) &&
      (fields.years === 'any' || fields.years.has(clock.year))
    ) {
      return candidate;
    }
    // Skip whole hours when the hour cannot match, to keep the search short.
    candidate = new Date(
      candidate.getTime() + (fields.hours.has(clock.hour) ? 60_000 : (60 - clock.minute) * 60_000),
    );
  }
  return null;
}
