import { useId } from 'react';
import { compactCount, formatPct } from '../../../core/format.ts';
import { requestsPerMonth, withOutputMean, withPromptMean } from '../../../core/workload/derive.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { EMPTY_CLOUD } from '../candidates/sweep-defaults.ts';
import { fromPosition, SLIDER_STEPS, toPosition, type SliderScale } from './slider-scale.ts';

interface SliderDef {
  key: string;
  label: string;
  scale: SliderScale;
  read: (s: Scenario) => number;
  write: (s: Scenario, v: number) => Scenario;
  show: (v: number) => string;
}

/** The what-if controls a facilitator moves live: each edit re-ranks everything at once. */
const SLIDERS: SliderDef[] = [
  {
    key: 'volume',
    label: 'Requests / month',
    scale: { min: 1_000, max: 1e9, log: true, integer: true },
    read: (s) => requestsPerMonth(s.workload),
    write: (s, v) => ({ ...s, workload: { ...s.workload, requests: { count: v, per: 'month' } } }),
    show: compactCount,
  },
  {
    key: 'cache',
    label: 'Prompt-cache hits',
    scale: { min: 0, max: 1, log: false },
    read: (s) => s.workload.promptCache.hitRate,
    write: (s, v) => ({
      ...s,
      workload: { ...s.workload, promptCache: { ...s.workload.promptCache, hitRate: v } },
    }),
    show: (v) => formatPct(v),
  },
  {
    key: 'prompt',
    label: 'Prompt tokens',
    scale: { min: 50, max: 200_000, log: true, integer: true },
    read: (s) => s.workload.inputTokens.mean,
    write: (s, v) => ({ ...s, workload: withPromptMean(s.workload, v, 'scale') }),
    show: compactCount,
  },
  {
    key: 'output',
    label: 'Output tokens',
    scale: { min: 10, max: 16_000, log: true, integer: true },
    read: (s) => s.workload.outputTokens.mean,
    write: (s, v) => ({ ...s, workload: withOutputMean(s.workload, v, 'scale') }),
    show: compactCount,
  },
  {
    key: 'batch',
    label: 'Batch share',
    scale: { min: 0, max: 1, log: false },
    read: (s) => s.workload.batchShare,
    write: (s, v) => ({
      ...s,
      workload: { ...s.workload, batchShare: Math.min(v, 1 - s.workload.priorityShare) },
    }),
    show: (v) => formatPct(v),
  },
  {
    key: 'utilization',
    label: 'GPU target utilization',
    scale: { min: 0.3, max: 1, log: false },
    read: (s) =>
      s.sweep?.cloud?.targetUtilization ??
      s.sweep?.onprem?.assumptions.targetUtilization ??
      EMPTY_CLOUD.targetUtilization,
    write: (s, v) => ({
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
    }),
    show: (v) => formatPct(v),
  },
];

function Slider({ def }: { def: SliderDef }) {
  const id = useId();
  const value = useWorkspace((s) => def.read(s.scenario));
  return (
    <div className="slider">
      <label htmlFor={id}>
        {def.label} <output htmlFor={id}>{def.show(value)}</output>
      </label>
      <input
        id={id}
        type="range"
        data-testid={`whatif-${def.key}`}
        min={0}
        max={SLIDER_STEPS}
        value={toPosition(value, def.scale)}
        onChange={(e) => {
          const v = fromPosition(Number(e.target.value), def.scale);
          useWorkspace.getState().update((s) => def.write(s, v), `whatif:${def.key}`);
        }}
      />
    </div>
  );
}

export function WhatIfBar() {
  return (
    <div className="card" data-testid="whatif">
      <div className="whatif">
        {SLIDERS.map((d) => (
          <Slider key={d.key} def={d} />
        ))}
      </div>
    </div>
  );
}
