import type { Scenario } from '../schema/scenario.ts';
import type { InputRange, UncertainInputId } from '../schema/uncertainty.ts';
import { requestsPerMonth } from '../workload/derive.ts';
import { INPUTS } from './inputs.ts';

/** Monthly requests one unit of the workload's count stands for (a day's, or a month's). */
function monthlyPerUnit(s: Scenario): number {
  return requestsPerMonth({
    requests: { count: 1, per: s.workload.requests.per },
    schedule: s.workload.schedule,
  });
}

/**
 * Keeps a scenario's ranges true to an edit of its point values, so the workspace stays a valid
 * scenario whatever a form or a slider does:
 * - a volume counted per month instead of per day (the what-if slider) converts its range;
 * - a range always holds its likely value: a value moved past an end takes that end with it;
 * - a batch share's high stays within 1 − the priority share;
 * - a range whose input has no value any more (the value per request unset) is dropped.
 * Returns `next` itself when nothing needs to change.
 */
export function keepRangesConsistent(prev: Scenario, next: Scenario): Scenario {
  const u = next.uncertainty;
  if (u === undefined) return next;
  const inputs: Partial<Record<UncertainInputId, InputRange>> = { ...u.inputs };
  let changed = false;
  const volume = inputs.volume;
  if (volume !== undefined && prev.workload.requests.per !== next.workload.requests.per) {
    const k = monthlyPerUnit(prev) / monthlyPerUnit(next);
    inputs.volume = {
      low: volume.low * k,
      high: volume.high * k,
      ...(volume.likely === undefined ? {} : { likely: volume.likely * k }),
    };
    changed = true;
  }
  for (const input of INPUTS) {
    const r = inputs[input.id];
    if (r === undefined) continue;
    const point = input.point(next);
    if (r.likely === undefined && point === undefined) {
      delete inputs[input.id];
      changed = true;
      continue;
    }
    const likely = r.likely ?? (point as number);
    let low = Math.min(r.low, likely);
    let high = Math.max(r.high, likely);
    if (input.id === 'batchShare') high = Math.min(high, 1 - next.workload.priorityShare);
    if (input.id === 'batchShare') low = Math.min(low, high);
    if (low !== r.low || high !== r.high) {
      inputs[input.id] = { ...r, low, high };
      changed = true;
    }
  }
  return changed ? { ...next, uncertainty: { ...u, inputs } } : next;
}
