import type { Workload } from '../schema/workload.ts';

/** Hours in a week: a pool is sized slot by slot over them, Monday 00:00 first. */
export const HOURS_PER_WEEK = 168;

/**
 * The hour-of-week slots a schedule's traffic falls in: `daysPerWeek` days from Monday, each from
 * `startHour` for `hoursPerDay` hours (a window past midnight runs into the next day, and Sunday's
 * into Monday). A partial hour or day counts whole: a peak may land in it.
 */
export function activeSlots(schedule: Workload['schedule']): boolean[] {
  const slots = new Array<boolean>(HOURS_PER_WEEK).fill(false);
  const days = Math.ceil(schedule.daysPerWeek);
  const hours = Math.ceil(schedule.hoursPerDay);
  for (let d = 0; d < days; d++) {
    for (let k = 0; k < hours; k++) {
      slots[(d * 24 + schedule.startHour + k) % HOURS_PER_WEEK] = true;
    }
  }
  return slots;
}
