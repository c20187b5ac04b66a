import { computeRoi } from '../roi/roi.ts';
import { HOURS_PER_MONTH, TOKENS_PER_MTOK } from '../units.ts';
import { TRAINING_FLOPS_PER_TOKEN_PER_PARAM, TRAINING_MFU } from './fine-tune-rates.ts';

/** One API training run: training tokens × epochs at the provider's price per 1M. */
export function apiTrainingRunUsd(
  trainingTokens: number,
  epochs: number,
  usdPerMTok: number,
): number {
  return ((trainingTokens * epochs) / TOKENS_PER_MTOK) * usdPerMTok;
}

/**
 * GPU-hours of one self-hosted training run: tokens × epochs × FLOPs per token (6 per parameter
 * full, 4 LoRA) ÷ (the GPU's dense BF16 FLOPS × the training utilization).
 */
export function selfHostTrainingGpuHours(
  params: number,
  trainingTokens: number,
  epochs: number,
  method: keyof typeof TRAINING_FLOPS_PER_TOKEN_PER_PARAM,
  gpuBf16Tflops: number,
  mfu = TRAINING_MFU,
): number {
  const flops = trainingTokens * epochs * TRAINING_FLOPS_PER_TOKEN_PER_PARAM[method] * params;
  return flops / (gpuBf16Tflops * 1e12 * mfu) / 3600;
}

/** What a tuned model costs beyond its tokens each month: hosting, and retraining spread out. */
export function fineTuneMonthlyExtrasUsd(
  trainingRunUsd: number,
  retrainEveryMonths: number,
  hostingUsdPerHour: number,
): number {
  return trainingRunUsd / retrainEveryMonths + hostingUsdPerHour * HOURS_PER_MONTH;
}

/**
 * The first month whose cumulative saving covers a one-off cost (month 1 is the first after it),
 * or null when it never does within the horizon.
 */
export function paybackMonth(
  setupUsd: number,
  monthlySavingUsd: number,
  horizonMonths: number,
): number | null {
  if (monthlySavingUsd <= 0) return setupUsd <= 0 ? 1 : null;
  return computeRoi({
    valueUsdInMonth: () => monthlySavingUsd,
    costUsdInMonth: () => 0,
    setupUsd,
    weeksToLaunch: 0,
    horizonMonths,
    discountRateAnnual: 0,
  }).paybackMonth;
}
