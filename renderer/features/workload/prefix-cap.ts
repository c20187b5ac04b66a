import { formatNumber } from '../../../core/format.ts';
import type { Workload } from '../../../core/schema/workload.ts';
import { prefixTokensCosted } from '../../../core/workload/derive.ts';

/**
 * Said under the cacheable prefix while the mean prompt is shorter than it: the stated prefix is
 * kept (it comes back with the prompt) but the engine costs only the whole prompt as cached.
 */
export function prefixCapWarning(
  w: Pick<Workload, 'promptCache' | 'inputTokens'>,
): string | undefined {
  const costed = prefixTokensCosted(w);
  if (costed === w.promptCache.prefixTokens) return undefined;
  return `Longer than the ${formatNumber(w.inputTokens.mean)}-token mean prompt: costed as ${formatNumber(costed)} tokens until the prompt is at least ${formatNumber(w.promptCache.prefixTokens)}`;
}
