import { numberFieldRules } from '../../../core/schema/field-rules.ts';
import { TokenPrices } from '../../../core/schema/catalog.ts';
import { CandidateSweep, Constraints } from '../../../core/schema/scenario.ts';

const onprem = (key: string) => numberFieldRules(CandidateSweep, ['onprem', 'assumptions', key]);

/** The candidate forms' number fields, with the labels, limits and defaults of their schemas. */
export const CANDIDATE_FIELDS = {
  budget: numberFieldRules(Constraints, ['maxMonthlyUsd']),
  cloudMinReplicas: numberFieldRules(CandidateSweep, ['cloud', 'minReplicas']),
  cloudTargetUtilization: numberFieldRules(CandidateSweep, ['cloud', 'targetUtilization']),
  amortizationMonths: onprem('amortizationMonths'),
  powerUsdPerKwh: onprem('powerUsdPerKwh'),
  pue: onprem('pue'),
  colocationUsdPerKwMonth: onprem('colocationUsdPerKwMonth'),
  staffUsdPerMonth: onprem('staffUsdPerMonth'),
  inputUsdPerMTok: numberFieldRules(TokenPrices, ['input']),
  outputUsdPerMTok: numberFieldRules(TokenPrices, ['output']),
  cacheReadUsdPerMTok: numberFieldRules(TokenPrices, ['cacheRead']),
};
