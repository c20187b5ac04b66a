import type { LatencySlo } from '../perf/slo.ts';
import type { RequestShape } from '../perf/serving.ts';
import type { Model } from '../schema/catalog.ts';
import type { Effort } from '../schema/reasoning.ts';
import { selfHostP95Shape, selfHostShape } from '../selfhost/capacity.ts';
import { resolveReasoning, type ResolvedReasoning } from '../workload/reasoning.ts';
import { callsPerRequest } from '../workload/task.ts';
import type { EvalContext } from './context.ts';
import type { ReasoningDetail } from './types.ts';

/** The reasoning a candidate runs with, resolved once per context, model row and effort. */
export function candidateReasoning(
  ctx: EvalContext,
  model: Model | undefined,
  effort: Effort | undefined,
): ResolvedReasoning {
  // A sweep meets a model's placements one after another: the last answer is asked again.
  const last = ctx.lastReasoning;
  if (last !== undefined && last.model === model && last.effort === effort) return last.reasoning;
  const reasoning = resolvedFor(ctx, model, effort);
  ctx.lastReasoning = { model, effort, reasoning };
  return reasoning;
}

function resolvedFor(
  ctx: EvalContext,
  model: Model | undefined,
  effort: Effort | undefined,
): ResolvedReasoning {
  if (model?.reasoning === undefined) return resolveReasoning(undefined, ctx.workload);
  let byEffort = ctx.reasoning.get(model);
  if (byEffort === undefined) ctx.reasoning.set(model, (byEffort = new Map()));
  const key = effort ?? '';
  let r = byEffort.get(key);
  if (r === undefined) byEffort.set(key, (r = resolveReasoning(model, ctx.workload, effort)));
  return r;
}

/** Self-hosted request shapes with this many reasoning tokens decoded (kept per count). */
export function shapesFor(
  ctx: EvalContext,
  reasoningTokens: number,
): { shape: RequestShape; p95Shape: RequestShape | null } {
  if (reasoningTokens === 0) return { shape: ctx.shape, p95Shape: ctx.p95Shape };
  let s = ctx.reasoningShapes.get(reasoningTokens);
  if (s === undefined) {
    s = {
      shape: selfHostShape(ctx.workload, reasoningTokens),
      p95Shape: selfHostP95Shape(ctx.workload, reasoningTokens),
    };
    ctx.reasoningShapes.set(reasoningTokens, s);
  }
  return s;
}

/** The SLOs as a self-hosted replica checks them: TTFT past the reasoning when it means visible. */
export function sloFor(ctx: EvalContext, reasoningTokens: number): LatencySlo {
  const slo = ctx.workload.slo;
  if (reasoningTokens === 0 || slo.ttftOf === 'first' || slo.ttftMs === undefined) return slo;
  return { ...slo, ttftAfterTokens: reasoningTokens };
}

/** The TTFT a candidate's SLO is checked against: to the first token, or the first visible one. */
export function sloTtftMs(
  ctx: EvalContext,
  ttftMs: number | null,
  ttftVisibleMs: number | null,
): number | null {
  return ctx.workload.slo.ttftOf === 'first' ? ttftMs : ttftVisibleMs;
}

/** The detail of a candidate's reasoning, for the row; null when the model does not reason. */
export function reasoningDetail(r: ResolvedReasoning): ReasoningDetail | null {
  if (r.model === null || r.level === null || r.effort === null) return null;
  const tokens = r.from === 'catalog' ? r.level.tokens : undefined;
  return {
    effort: r.effort,
    from: r.from,
    multipleOfOutput: tokens?.multipleOfOutput ?? null,
    basis: tokens?.basis ?? null,
    method: tokens?.method ?? null,
    setting: r.level.setting,
    visibility: r.model.visibility,
    billing: r.model.billing,
    source: tokens?.source ?? r.model.source,
    asOf: tokens?.asOf ?? r.model.asOf,
  };
}

/**
 * A task's end-to-end time, s: each turn's latency (reasoning included) and the tools between
 * turns. Null for request workloads, or when a turn's latency is unknown.
 */
export function taskSeconds(ctx: EvalContext, turnE2eMs: number | null): number | null {
  const task = ctx.workload.task;
  if (task === undefined || turnE2eMs === null) return null;
  return (task.turns * turnE2eMs) / 1000 + (task.turns - 1) * task.toolSecondsPerTurn;
}

/** Tokens a request (a task: every turn) carries: prompts, visible output and reasoning. */
export function tokensPerRequest(ctx: EvalContext, reasoningTokens: number): number {
  const w = ctx.workload;
  const calls = callsPerRequest(w);
  return ctx.promptTokensPerRequest + calls * (w.outputTokens.mean + reasoningTokens);
}
