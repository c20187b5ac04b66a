import { compactCount, formatPct } from '../../../core/format.ts';
import type { NumberFieldRules } from '../../../core/schema/field-rules.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';
import { requestsPerMonth, withOutputMean, withPromptMean } from '../../../core/workload/derive.ts';
import { EMPTY_CLOUD } from '../candidates/sweep-defaults.ts';
import { CANDIDATE_FIELDS } from '../candidates/fields.ts';
import { WORKLOAD_FIELDS as F } from '../workload/fields.ts';
import type { SliderRange } from './slider-scale.ts';

/** One what-if slider: what it reads and writes, its range, its typed entry and its steps. */
export interface WhatIfSlider {
  key: 'volume' | 'cache' | 'prompt' | 'output' | 'batch' | 'utilization';
  label: string;
  /** The schema's rules for typed entry (limits, and what the error names). */
  field: NumberFieldRules;
  range: SliderRange;
  /** A whole-number quantity: the slider, the steps and typed entry all keep it whole. */
  integer: boolean;
  /** Shown and typed as a percentage of a share stored 0–1. */
  percent: boolean;
  read: (s: Scenario) => number;
  write: (s: Scenario, v: number) => Scenario;
  show: (v: number) => string;
  /** Multiplying steps offered beside the slider (volume: ×½, ×2, ×10). */
  steps: readonly number[];
}

const limitsOf = (field: NumberFieldRules, floor: number) => ({
  min: Math.max(floor, field.min ?? floor),
  max: field.max ?? Number.MAX_SAFE_INTEGER,
});

/** The targets a GPU utilization what-if writes: the rented and the owned sweep, where swept. */
function withUtilization(s: Scenario, v: number): Scenario {
  return {
    ...s,
    sweep: {
      ...s.sweep,
      ...(s.sweep?.cloud ? { cloud: { ...s.sweep.cloud, targetUtilization: v } } : {}),
      ...(s.sweep?.onprem
        ? {
            onprem: {
              ...s.sweep.onprem,
              assumptions: { ...s.sweep.onprem.assumptions, targetUtilization: v },
            },
          }
        : {}),
    },
  };
}

const utilizationField: NumberFieldRules = {
  ...CANDIDATE_FIELDS.cloudTargetUtilization,
  label: 'GPU target utilization',
};

/**
 * The what-if controls a facilitator moves live; each edit re-ranks everything at once. Volume
 * and sizes span decades: their sliders move on a log scale within ÷30…×30 (volume) or ÷10…×10
 * (tokens) of the value they start from; shares move over their whole 0–100 %.
 */
export const WHAT_IF_SLIDERS: readonly WhatIfSlider[] = [
  {
    key: 'volume',
    label: 'Requests / month',
    field: F.requests,
    range: { kind: 'around', factor: 30, ...limitsOf(F.requests, 1) },
    integer: true,
    percent: false,
    read: (s) => requestsPerMonth(s.workload),
    write: (s, v) => ({ ...s, workload: { ...s.workload, requests: { count: v, per: 'month' } } }),
    show: compactCount,
    steps: [0.5, 2, 10],
  },
  {
    key: 'cache',
    label: 'Prompt-cache hits',
    field: F.promptCacheHitRate,
    range: { kind: 'fixed', min: 0, max: 1 },
    integer: false,
    percent: true,
    read: (s) => s.workload.promptCache.hitRate,
    write: (s, v) => ({
      ...s,
      workload: { ...s.workload, promptCache: { ...s.workload.promptCache, hitRate: v } },
    }),
    show: (v) => formatPct(v),
    steps: [],
  },
  {
    key: 'prompt',
    label: 'Prompt tokens',
    field: F.promptMean,
    range: { kind: 'around', factor: 10, ...limitsOf(F.promptMean, 1) },
    integer: true,
    percent: false,
    read: (s) => s.workload.inputTokens.mean,
    write: (s, v) => ({ ...s, workload: withPromptMean(s.workload, v, 'scale') }),
    show: compactCount,
    steps: [],
  },
  {
    key: 'output',
    label: 'Output tokens',
    field: F.outputMean,
    range: { kind: 'around', factor: 10, ...limitsOf(F.outputMean, 1) },
    integer: true,
    percent: false,
    read: (s) => s.workload.outputTokens.mean,
    write: (s, v) => ({ ...s, workload: withOutputMean(s.workload, v, 'scale') }),
    show: compactCount,
    steps: [],
  },
  {
    key: 'batch',
    label: 'Batch share',
    field: F.batchShare,
    range: { kind: 'fixed', min: 0, max: 1 },
    integer: false,
    percent: true,
    read: (s) => s.workload.batchShare,
    write: (s, v) => ({
      ...s,
      workload: { ...s.workload, batchShare: Math.min(v, 1 - s.workload.priorityShare) },
    }),
    show: (v) => formatPct(v),
    steps: [],
  },
  {
    key: 'utilization',
    label: utilizationField.label,
    field: utilizationField,
    range: { kind: 'fixed', ...limitsOf(utilizationField, 0) },
    integer: false,
    percent: true,
    read: (s) =>
      s.sweep?.cloud?.targetUtilization ??
      s.sweep?.onprem?.assumptions.targetUtilization ??
      EMPTY_CLOUD.targetUtilization,
    write: withUtilization,
    show: (v) => formatPct(v),
    steps: [],
  },
];

/** A what-if slider by its key. */
export function whatIfSlider(key: WhatIfSlider['key']): WhatIfSlider {
  return WHAT_IF_SLIDERS.find((s) => s.key === key) as WhatIfSlider;
}
