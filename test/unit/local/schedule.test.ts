import { describe, expect, it } from 'vitest';
import { UnsupportedTemplateError } from '../../../infra/local/intrinsics.ts';
import { nextFireTime, parseScheduleExpression } from '../../../infra/local/schedule.ts';

describe('schedule expressions', () => {
  it('fires a weekly Monday 07:00 Europe/London schedule at 07:00 UTC in winter and 06:00 UTC in summer', () => {
    const weekly = parseScheduleExpression('cron(0 7 ? * MON *)', 'Europe/London', 'test');
    // Tuesday 24 November 2026 → Monday 30 November, GMT.
    expect(nextFireTime(weekly, new Date('2026-11-24T12:00:00Z'))?.toISOString()).toBe(
      '2026-11-30T07:00:00.000Z',
    );
    // Wednesday 1 July 2026 → Monday 6 July, BST (UTC+1).
    expect(nextFireTime(weekly, new Date('2026-07-01T12:00:00Z'))?.toISOString()).toBe(
      '2026-07-06T06:00:00.000Z',
    );
  });

  it('numbers days of the week from Sunday = 1, as EventBridge does', () => {
    const sunday = parseScheduleExpression('cron(30 2 ? * 1 *)', 'UTC', 'test');
    expect(nextFireTime(sunday, new Date('2026-11-23T00:00:00Z'))?.toISOString()).toBe(
      '2026-11-29T02:30:00.000Z',
    );
  });

  it('fires strictly after the given time', () => {
    const daily = parseScheduleExpression('cron(0 6 * * ? *)', 'UTC', 'test');
    expect(nextFireTime(daily, new Date('2026-11-23T06:00:00Z'))?.toISOString()).toBe(
      '2026-11-24T06:00:00.000Z',
    );
  });

  it('counts rate schedules from when the local cloud started', () => {
    const every5 = parseScheduleExpression('rate(5 minutes)', 'UTC', 'test');
    const start = new Date('2026-11-23T10:00:00Z');
    expect(nextFireTime(every5, new Date('2026-11-23T10:07:00Z'), start)?.toISOString()).toBe(
      '2026-11-23T10:10:00.000Z',
    );
  });

  it('supports lists, ranges and steps', () => {
    const workdays = parseScheduleExpression('cron(0/15 9-10 ? * MON-FRI *)', 'UTC', 'test');
    // Saturday 28 November 2026 → Monday 30 November 09:00.
    expect(nextFireTime(workdays, new Date('2026-11-28T12:00:00Z'))?.toISOString()).toBe(
      '2026-11-30T09:00:00.000Z',
    );
    expect(nextFireTime(workdays, new Date('2026-11-30T09:00:00Z'))?.toISOString()).toBe(
      '2026-11-30T09:15:00.000Z',
    );
  });

  it('refuses expressions it cannot honour, naming the schedule', () => {
    expect(() => parseScheduleExpression('cron(0 7 L * ? *)', 'UTC', 'WeeklySummary')).toThrow(
      /WeeklySummary.*L, W or #/,
    );
    expect(() => parseScheduleExpression('cron(0 7 * * MON *)', 'UTC', 'x')).toThrow(
      UnsupportedTemplateError,
    );
    expect(() => parseScheduleExpression('every monday', 'UTC', 'x')).toThrow(/not a rate, cron or at/);
    expect(() => parseScheduleExpression('cron(0 7 ? * MON *)', 'Mars/Olympus', 'x')).toThrow(
      /not a time zone/,
    );
  });
});
