import { fieldLabel, numberFieldRules } from '../../../core/schema/field-rules.ts';
import { Workload } from '../../../core/schema/workload.ts';

const at = (...path: string[]) => numberFieldRules(Workload, path);

/** The workload form's number fields, with the labels and limits of the workload schema. */
export const WORKLOAD_FIELDS = {
  requests: at('requests', 'count'),
  peakToAverage: at('peakToAverage'),
  hoursPerDay: at('schedule', 'hoursPerDay'),
  daysPerWeek: at('schedule', 'daysPerWeek'),
  startHour: at('schedule', 'startHour'),
  monthlyGrowthPct: at('monthlyGrowthPct'),
  promptMean: at('inputTokens', 'mean'),
  promptP95: at('inputTokens', 'p95'),
  outputMean: at('outputTokens', 'mean'),
  outputP95: at('outputTokens', 'p95'),
  prefixTokens: at('promptCache', 'prefixTokens'),
  promptCacheHitRate: at('promptCache', 'hitRate'),
  distinctPrefixes: at('promptCache', 'distinctPrefixes'),
  responseCacheHitRate: at('responseCacheHitRate'),
  batchShare: at('batchShare'),
  priorityShare: at('priorityShare'),
  ttftMs: at('slo', 'ttftMs'),
  tpotMs: at('slo', 'tpotMs'),
  e2eMs: at('slo', 'e2eMs'),
  minQualityScore: at('minQuality', 'score'),
  timeBoxMonths: at('timeBoxMonths'),
  reasoningTokens: at('reasoning', 'tokensPerRequest'),
  turns: at('task', 'turns'),
  toolTokensPerTurn: at('task', 'toolTokensPerTurn'),
  cachedShare: at('task', 'cachedShare'),
  contextLimitTokens: at('task', 'contextLimitTokens'),
  keepLastTurns: at('task', 'keepLastTurns'),
  toolSecondsPerTurn: at('task', 'toolSecondsPerTurn'),
};

/** Labels of the workload's choice fields. */
export const WORKLOAD_LABELS = {
  per: fieldLabel(Workload, ['requests', 'per']),
  precision: fieldLabel(Workload, ['precision']),
  kvPrecision: fieldLabel(Workload, ['kvPrecision']),
  stage: fieldLabel(Workload, ['stage']),
  effort: fieldLabel(Workload, ['reasoning', 'effort']),
  ttftOf: fieldLabel(Workload, ['slo', 'ttftOf']),
};
