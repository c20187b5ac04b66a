import { deploymentTerms, type DeploymentTerms } from '../selfhost/deployment.ts';
import type { SelfHostPlacement } from '../schema/placement.ts';
import type { EvalContext } from './context.ts';

/**
 * The deployment terms of a placement whose replica holds `weightsGiB` of weights, one object per
 * distinct terms in a context: a sweep sizes about 1,500 fleets a what-if step, yet they hold a few
 * dozen weights sizes, and every object kept through the step is copied by the garbage collector.
 * Terms are read, never written, so candidates may share them.
 */
export function cachedTerms(
  ctx: EvalContext,
  p: SelfHostPlacement,
  weightsGiB: number,
): DeploymentTerms {
  let kept = ctx.termsCache.get(weightsGiB);
  if (kept === undefined) ctx.termsCache.set(weightsGiB, (kept = []));
  for (const k of kept) if (sameTermsInputs(k.placement, p)) return k.terms;
  const terms = deploymentTerms(ctx.operations, ctx.production, p, ctx.workload, weightsGiB);
  kept.push({ placement: p, terms });
  return terms;
}

/** Everything of a placement `deploymentTerms` reads (the rest is the context's). */
function sameTermsInputs(a: SelfHostPlacement, b: SelfHostPlacement): boolean {
  return (
    a.kind === b.kind &&
    a.staffFte === b.staffFte &&
    a.reserveReplicas === b.reserveReplicas &&
    a.egressUsdPerGB === b.egressUsdPerGB &&
    (a.kind === 'onprem' ? a.staffUsdPerMonth : undefined) ===
      (b.kind === 'onprem' ? b.staffUsdPerMonth : undefined)
  );
}
