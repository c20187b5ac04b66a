import { formatDecimal, formatNumber } from '../format.ts';
import { fieldLabel, numberFieldRules } from '../schema/field-rules.ts';
import { Scenario, type ScenarioCore } from '../schema/scenario.ts';
import { requestsPerMonth } from '../workload/derive.ts';

/** One assumption that differs between two states of a scenario, in a person's words. */
export interface AssumptionChange {
  /** Where it is in the scenario file (`workload.promptCache.hitRate`). */
  path: string;
  /** The form's label for it (`Prompt-cache hits`). */
  label: string;
  before: string;
  after: string;
}

/** What a scenario is called and where it is kept: not assumptions, never compared. */
const NOT_ASSUMPTIONS = new Set(['$schema', 'schemaVersion', 'name', 'description', 'snapshots']);

/** Words for the groups of fields that have no title of their own. */
const GROUP_WORDS: Record<string, string> = {
  workload: 'Workload',
  value: 'Value',
  operations: 'Operations',
  sweep: 'Candidates',
  candidates: 'Candidates named one by one',
  constraints: 'Constraints',
  catalog: 'Catalog rows in the file',
  discounts: 'Discounts',
  uncertainty: 'Ranges',
  objective: 'Objective',
  asOf: 'Prices as of',
  startDate: 'Horizon starts',
  api: 'hosted APIs',
  cloud: 'rented GPUs',
  onprem: 'owned GPUs',
};

type Json = unknown;

function isPlainObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The assumptions that differ between two states of a scenario (a snapshot and now, or two saved
 * scenarios), in the order of the file: each with its label and both values. Volume is compared
 * as requests a month, however each side states it. Lists (residency zones, candidates) compare
 * whole; the scenario's name, notes and snapshots are not assumptions.
 */
export function assumptionChanges(
  before: ScenarioCore | Scenario,
  after: ScenarioCore | Scenario,
): AssumptionChange[] {
  const out: AssumptionChange[] = [];
  const perMonth = [requestsPerMonth(before.workload), requestsPerMonth(after.workload)] as const;
  // Within rounding: 50,000 a day and its month's worth are the same volume.
  if (Math.abs(perMonth[0] - perMonth[1]) > 1e-9 * Math.max(perMonth[0], perMonth[1])) {
    out.push({
      path: 'workload.requests',
      label: 'Requests / month',
      before: formatNumber(perMonth[0]),
      after: formatNumber(perMonth[1]),
    });
  }
  walk(before as Record<string, Json>, after as Record<string, Json>, [], out);
  return out;
}

function walk(
  a: Record<string, Json>,
  b: Record<string, Json>,
  path: string[],
  out: AssumptionChange[],
): void {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    if (path.length === 0 && NOT_ASSUMPTIONS.has(key)) continue;
    // Volume is compared above, as requests a month (a per-day count that means the same is no change).
    if (path.length === 1 && path[0] === 'workload' && key === 'requests') continue;
    const here = [...path, key];
    const x = a[key];
    const y = b[key];
    if (isPlainObject(x) && isPlainObject(y)) {
      walk(x, y, here, out);
      continue;
    }
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    out.push({
      path: here.join('.'),
      label: labelOf(here),
      before: show(here, x),
      after: show(here, y),
    });
  }
}

/** The schema's title for a field, else its place in words ("Candidates: rented GPUs pricing"). */
export function labelOf(path: readonly string[]): string {
  try {
    return fieldLabel(Scenario, path).label;
  } catch {
    const [group, ...rest] = path;
    const head = GROUP_WORDS[group ?? ''] ?? group ?? '';
    const tail = rest.map((k) => GROUP_WORDS[k] ?? words(k)).join(' ');
    return tail === '' ? head : `${head}: ${tail}`;
  }
}

/** camelCase → "camel case". */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A value as a form shows it: shares of one as percentages, lists joined, unset as "not set". */
function show(path: readonly string[], v: Json): string {
  if (v === undefined || v === null) return 'not set';
  if (typeof v === 'number')
    return isShare(path) ? `${formatDecimal(v * 100, 1)}%` : formatDecimal(v, 4);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    if (v.length === 0) return 'none (all)';
    return v.every((x) => typeof x === 'string' || typeof x === 'number')
      ? v.join(', ')
      : `${v.length} ${v.length === 1 ? 'entry' : 'entries'}`;
  }
  return isPlainObject(v) ? 'set' : String(v);
}

/** A number field bounded to 0…1 (a hit rate, a share, a utilization): shown as a percentage. */
function isShare(path: readonly string[]): boolean {
  try {
    const rules = numberFieldRules(Scenario, path);
    return !rules.integer && rules.min !== undefined && rules.min >= 0 && rules.max === 1;
  } catch {
    return false;
  }
}
