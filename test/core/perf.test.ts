import { describe, expect, it } from 'vitest';
import {
  FAMILY_EFFICIENCY,
  PERF_PARAMETERS,
  TAKE_FITTED_CONSTANTS,
  type EngineProfile,
  type PerfParameters,
} from '../../core/perf/efficiency.ts';
import { estimate } from '../../core/perf/estimate.ts';
import { expertImbalance, replicaSpec } from '../../core/perf/replica.ts';
import { operatingPoint } from '../../core/perf/serving.ts';
import { largestConcurrencyMeetingSlo, meetsSlo } from '../../core/perf/slo.ts';
import { stepSeconds } from '../../core/perf/step-time.ts';
import type { OpenModel } from '../../core/schema/catalog.ts';
import type { Precision } from '../../core/schema/common.ts';
import { testGpu, testModel } from '../support/fixtures.ts';

/** A Mixtral-like MoE: 46.7B parameters, 12.9B active, 8 experts of which 2 per token. */
const mixtralLike = () =>
  testModel(
    {
      paramsTotalB: 46.7,
      paramsActiveB: 12.9,
      moe: { experts: 8, expertsPerToken: 2, sharedExperts: 0 },
    },
    'test-moe',
  );

/** Unit efficiencies and no overheads, so the arithmetic below is the whole model. */
const bare: PerfParameters = {
  serving: {
    compute: 1,
    memory: 1,
    weightOnlyComputePenalty: 1,
    expertGemmEfficiency: 1,
    attentionMemory: 1,
    fp8Math: 1,
    fp4Math: 1,
    moeLayerOverheadUs: 0,
    expertLoadSpread: 0,
    commBandwidth: 1,
    decodeBlockBandwidth: 1 / 100,
  },
  engines: {
    ...PERF_PARAMETERS.engines,
    vllm: {
      ...PERF_PARAMETERS.engines.vllm,
      kernelEfficiency: 1,
      stepOverheadMs: 0,
      layerOverheadUs: 0,
      sequenceOverheadUs: 0,
    },
  },
};
const spec = replicaSpec({
  model: testModel(),
  gpu: testGpu(),
  tp: 1,
  precision: 'bf16',
  kvPrecision: 'bf16',
  engine: 'vllm',
  parameters: bare,
});

// The test GPU: 2 TB/s × 0.88 (Hopper stream efficiency), 100 TFLOPS × 0.80 (Hopper matmul).
const BYTES_PER_S = 2e12 * FAMILY_EFFICIENCY.hopper.memory;
const FLOPS = 100e12 * FAMILY_EFFICIENCY.hopper.compute;
// Weights read per step: 14e9 bytes less the 262,144,000-byte input table (a lookup).
const WEIGHT_READ_S = (14e9 - 262_144_000) / BYTES_PER_S;
// GEMM FLOPs per token: 2 × (7e9 − 131,072,000 input-table params).
const GEMM_S_PER_TOKEN = (2 * (7e9 - 131_072_000)) / FLOPS;
// Attention per token per context position per layer: 4 × 32 heads × 128 = 16,384 FLOPs;
// KV read per token per layer: 2 × 8 × 128 × 2 bytes = 4,096.
const ATTN_S = 16_384 / FLOPS;
const KV_S = 4096 / BYTES_PER_S;
// Activation traffic per token: 32 layers × (12 × 4,096 + 3 × 11,008) × 2 bytes.
const ACT_S = (32 * (12 * 4096 + 3 * 11008) * 2) / BYTES_PER_S;
const hyp = (a: number, b: number) => Math.sqrt(a * a + b * b);

describe('step time', () => {
  it('one decode token at 1,000 context is a memory-bound weight read', () => {
    const expected =
      hyp(WEIGHT_READ_S, GEMM_S_PER_TOKEN) + hyp(KV_S * 32 * 1000, ATTN_S * 32 * 1000) + ACT_S;
    expect(stepSeconds(spec, 1, 1000, 0, 0)).toBeCloseTo(expected, 12);
    expect(expected * 1000).toBeCloseTo(7.885, 3); // ms
  });

  it('a 1,000-token prefill is compute-bound', () => {
    // causal attention: 1,000 tokens × 500 positions on average × 32 layers
    const expected =
      hyp(WEIGHT_READ_S, 1000 * GEMM_S_PER_TOKEN) + 1000 * ATTN_S * 32 * 500 + 1000 * ACT_S;
    expect(stepSeconds(spec, 0, 0, 1000, 500)).toBeCloseTo(expected, 12);
    expect(expected * 1000).toBeCloseTo(178.17, 1);
  });

  it('MoE steps read only the experts their tokens route to', () => {
    // 8 experts, 2 per token: total 46.7B, active 12.9B → routed = 33.8 ÷ 0.75 = 45.067B.
    const moe = mixtralLike();
    const s = replicaSpec({
      model: moe,
      gpu: testGpu(),
      tp: 1,
      precision: 'fp8',
      kvPrecision: 'fp8',
      engine: 'vllm',
      parameters: bare,
    });
    const routedBytes = (33.8e9 / 0.75) * 1;
    expect(s.expertReadS).toBeCloseTo(routedBytes / BYTES_PER_S, 9);
    // one token touches 1 − (3/4)^1 = 25% of the experts; 16 tokens touch 1 − 0.75^16 = 99.0%
    const one = stepSeconds(s, 1, 10, 0, 0);
    const sixteen = stepSeconds(s, 16, 10, 0, 0);
    expect(sixteen - one).toBeGreaterThan(0.7 * s.expertReadS);
  });
});

describe('architecture facts', () => {
  /** A vLLM replica of `model` on one test GPU with the bare parameters. */
  const specOf = (
    model: OpenModel,
    precision: Precision,
    profile: Partial<EngineProfile> = {},
    parameters: PerfParameters = bare,
  ) =>
    replicaSpec({
      model,
      gpu: testGpu(),
      tp: 1,
      precision,
      kvPrecision: precision === 'fp4' || precision === 'fp8' ? 'fp8' : 'bf16',
      engine: 'vllm',
      profile,
      parameters,
    });

  it('a checkpoint with only its experts in 4 bits keeps attention and dense weights in 16-bit', () => {
    // 46.7B in all, 12.9B active, 8 experts (2 a token): routed = 33.8 ÷ 0.75 = 45.067B;
    // embeddings 2 × 32,000 × 4,096 = 262,144,000 params; the rest (dense) = 46.7B − 45.067B − 0.262B.
    const arch = {
      paramsTotalB: 46.7,
      paramsActiveB: 12.9,
      moe: { experts: 8, expertsPerToken: 2, sharedExperts: 0 },
    };
    const partial = testModel(
      { ...arch, partialQuantization: { precision: 'fp4', modules: 'routed-experts' } },
      'test-moe-mxfp4',
    );
    const whole = testModel(arch, 'test-moe');
    const at = (model: OpenModel) => specOf(model, 'fp4');
    const routed = 33.8e9 / 0.75;
    const embeddings = 2 * 32_000 * 4096;
    const dense = 46.7e9 - routed - embeddings;
    // FP4 carries an FP8 scale per 16 weights: 0.5 + 1/16 = 0.5625 bytes.
    expect(at(partial).weightBytes).toBeCloseTo(dense * 2 + routed * 0.5625 + embeddings * 2, 0);
    expect(at(whole).weightBytes).toBeCloseTo((dense + routed) * 0.5625 + embeddings * 2, 0);
    // Dense GEMMs: 2 × (12.9B − 11.267B routed active − 131,072,000 input-table) FLOPs a token, in
    // BF16 (100 TFLOPS × 0.80) for the partial checkpoint; the test GPU has no FP4 math, so the
    // fully quantized one runs them on its FP8 rate (200 × 0.80) as W4A8, with the same penalty (1).
    const denseFlops = 2 * (12.9e9 - routed * 0.25 - 131_072_000);
    expect(at(partial).gemmSPerToken).toBeCloseTo(denseFlops / (100e12 * 0.8), 15);
    expect(at(whole).gemmSPerToken).toBeCloseTo(denseFlops / (200e12 * 0.8), 15);
  });

  it('only the layers with a mixture-of-experts block pay its overhead', () => {
    // 32 layers, 16 of them MoE: 32 × 10 µs + 16 × 100 µs = 1.92 ms a step run eagerly.
    const model = testModel(
      {
        paramsTotalB: 46.7,
        paramsActiveB: 12.9,
        moe: { experts: 8, expertsPerToken: 2, sharedExperts: 0, layers: 16 },
      },
      'test-moe-interleaved',
    );
    const s = specOf(
      model,
      'fp8',
      { layerOverheadUs: 10 },
      { ...bare, serving: { ...bare.serving, moeLayerOverheadUs: 100 } },
    );
    expect(s.launchS).toBeCloseTo(0.00192, 12);
  });

  it('under expert parallelism the busiest GPU’s experts set the pace', () => {
    // Expert loads varying by a coefficient of variation 1, 128 experts on 8 GPUs: a GPU's 16
    // experts vary by √(7 ÷ 128) = 0.23385 together; the busiest of 8 lies Φ⁻¹(7.625 ÷ 8.25) =
    // 1.4342 of those above the mean: 1 + 0.23385 × 1.4342 = 1.3354 of the mean work.
    expect(expertImbalance(1, 128, 8)).toBeCloseTo(1.3354, 4);
    expect(expertImbalance(1, 128, 1)).toBe(1);
    const model = mixtralLike();
    const spread = { ...bare, serving: { ...bare.serving, expertLoadSpread: 1 } };
    const at = (attentionDataParallel: boolean) =>
      replicaSpec({
        model,
        gpu: testGpu(),
        tp: 2,
        precision: 'fp8',
        kvPrecision: 'fp8',
        engine: 'vllm',
        attentionDataParallel,
        parameters: spread,
      }).expertGemmSPerRow;
    // Tensor parallel slices every expert over both GPUs: no GPU waits for another's experts.
    expect(at(true) / at(false)).toBeCloseTo(expertImbalance(1, 8, 2), 12);
  });

  it('a step’s experts are multiplied in the engine’s own tiles', () => {
    // 8 experts, 2 per token. Reads, dense GEMMs and overheads set to nothing, a step is its expert
    // GEMMs alone. One decode token routes to 2 experts, 1 row each: a tile of 16 rows in vLLM's
    // fused MoE, 128 in TensorRT-LLM's, costed as ⁴√(rows⁴ + tile⁴) rows. A 100-token prefill (more
    // tokens than experts) reaches all 8 (1 − 0.75¹⁰⁰ ≈ 1), 25 rows each, in vLLM's 64-row tiles.
    const model = mixtralLike();
    const expertsOnly = (engine: 'vllm' | 'trtllm') => ({
      ...replicaSpec({
        model,
        gpu: testGpu(),
        tp: 1,
        precision: 'bf16',
        kvPrecision: 'bf16',
        engine,
        parameters: bare,
      }),
      denseReadS: 0,
      expertReadS: 0,
      gemmSPerToken: 0,
      attnComputeSPerTokenCtxLayer: 0,
      kvReadSPerTokenLayer: 0,
      activationSPerToken: 0,
      commSPerStep: 0,
      commSPerToken: 0,
      launchS: 0,
      scheduleS: 0,
      overheadSPerSequence: 0,
      expertGemmSPerRow: 1e-6,
    });
    const vllm = expertsOnly('vllm');
    const trtllm = expertsOnly('trtllm');
    expect(stepSeconds(vllm, 1, 0, 0, 0)).toBeCloseTo(2 * (1 + 16 ** 4) ** 0.25 * 1e-6, 12);
    expect(stepSeconds(trtllm, 1, 0, 0, 0)).toBeCloseTo(2 * (1 + 128 ** 4) ** 0.25 * 1e-6, 12);
    const active = 8 * (1 - 0.75 ** 100);
    const rows = (100 * 0.25 * 8) / active;
    expect(stepSeconds(vllm, 0, 0, 100, 50)).toBeCloseTo(
      active * (rows ** 4 + 64 ** 4) ** 0.25 * 1e-6,
      12,
    );
  });

  it('chunked attention cuts a long prefill’s attention to the chunk', () => {
    // 12,000 prompt tokens, chunks of 8,192 on 24 of 32 layers. Full layers attend 6,000 positions
    // on average; chunked ones (8,192²/2 + 3,808²/2) ÷ 12,000 = 3,400.4.
    const model = testModel({ chunkedAttention: { chunkTokens: 8192, layerFraction: 0.75 } });
    const s = specOf(model, 'bf16', { tokenBudget: 16384 });
    const chunked = (8192 ** 2 / 2 + 3808 ** 2 / 2) / 12000;
    expect(chunked).toBeCloseTo(3400.4, 1);
    const expected =
      hyp(WEIGHT_READ_S, 12000 * GEMM_S_PER_TOKEN) +
      12000 * ATTN_S * (8 * 6000 + 24 * chunked) +
      12000 * ACT_S;
    const p = operatingPoint(
      s,
      { inputTokens: 12000, prefillTokens: 12000, outputTokens: 1 },
      1,
      1,
    );
    expect(p.ttftS).toBeCloseTo(expected, 12);
    // The cache keeps every layer's whole context (TensorRT-LLM chunks context requests only).
    expect(s.kvBytesPerTokenPerLayer * 32 * 12000).toBeCloseTo(4096 * 32 * 12000, 0);
  });

  it('a decode step replayed as a CUDA graph pays no launch gaps; a step with prefill does', () => {
    // vLLM captures decode batches up to 512: 32 layers × 10 µs = 0.32 ms of gaps only when eager.
    const s = specOf(testModel(), 'bf16', { layerOverheadUs: 10 });
    const kernels = stepSeconds(spec, 1, 1000, 0, 0);
    expect(stepSeconds(s, 1, 1000, 0, 0)).toBeCloseTo(kernels, 12);
    expect(stepSeconds(s, 1, 1000, 0, 0, 0, 1)).toBeCloseTo(kernels + 0.00032, 12);
    const big = specOf(testModel(), 'bf16', { layerOverheadUs: 10, cudaGraphMaxBatch: 0 });
    expect(stepSeconds(big, 1, 1000, 0, 0)).toBeCloseTo(kernels + 0.00032, 12);
  });

  it('unsplit decode attention walks each KV head alone, at a block’s rate', () => {
    // One block per KV head, each walking its head's 32 layers × 4,000 positions of 512 bytes
    // (K and V, 128 dims, 16-bit) at 1/100 of the GPU's 1.76 TB/s: 65.5 MB ÷ 17.6 GB/s = 3.72 ms,
    // 12.5 times what the whole GPU takes to read all 8 heads.
    const unsplit = specOf(testModel(), 'bf16', { splitsDecodeAttention: false });
    const blockS = (32 * 4000 * 512) / (BYTES_PER_S / 100);
    expect(blockS).toBeCloseTo(0.00372, 5);
    const readS = KV_S * 32 * 4000;
    expect(blockS / readS).toBeCloseTo(12.5, 9);
    const batchOf = (n: number) => n * hyp(readS, ATTN_S * 32 * 4000);
    const extraS = (n: number) =>
      stepSeconds(unsplit, n, 4000, 0, 0) - stepSeconds(spec, n, 4000, 0, 0);
    expect(extraS(1)).toBeCloseTo(blockS - batchOf(1), 12);
    expect(extraS(4)).toBeCloseTo(blockS - batchOf(4), 12);
    // From 13 sequences on, the batch's own read is the longer: as when split.
    expect(extraS(13)).toBeCloseTo(0, 12);
    // The walk's rate is per position: an 8-bit cache halves the batch's bytes, not the block's time.
    const fp8 = specOf(testModel(), 'fp8', { splitsDecodeAttention: false });
    expect(fp8.unsplitDecodeSPerPositionLayer).toBeCloseTo(
      unsplit.unsplitDecodeSPerPositionLayer,
      15,
    );
    expect(fp8.kvReadSPerTokenLayer).toBeCloseTo(unsplit.kvReadSPerTokenLayer / 2, 15);
  });

  it('an engine whose KV reads reach half the fitted rate takes twice as long to read the cache', () => {
    const slow = specOf(testModel(), 'bf16', { kvReadEfficiency: 0.5 });
    expect(slow.kvReadSPerTokenLayer).toBeCloseTo(2 * KV_S, 15);
    // One sequence at 4,000 positions: the read is 2 × 4,096 bytes × 32 layers × 4,000 ÷ 1.76 TB/s.
    const readS = hyp(2 * KV_S * 32 * 4000, ATTN_S * 32 * 4000);
    expect(stepSeconds(slow, 1, 4000, 0, 0) - stepSeconds(spec, 1, 4000, 0, 0)).toBeCloseTo(
      readS - hyp(KV_S * 32 * 4000, ATTN_S * 32 * 4000),
      12,
    );
  });
});

describe('serving at a concurrency', () => {
  const shape = { inputTokens: 1000, prefillTokens: 1000, outputTokens: 200 };

  it('alone: TTFT is the prefill, TPOT the decode step, throughput by Little’s law', () => {
    const p = operatingPoint(spec, shape, 1, 100);
    const ttft = stepSeconds(spec, 0, 0, 1000, 500);
    const tpot = stepSeconds(spec, 1, 1100, 0, 0); // mean context 1,000 + 200 ÷ 2
    expect(p.ttftS).toBeCloseTo(ttft, 12);
    expect(p.tpotS).toBeCloseTo(tpot, 12);
    expect(p.e2eS).toBeCloseTo(ttft + 199 * tpot, 12);
    expect(p.outputTokPerS).toBeCloseTo(200 / (ttft + 199 * tpot), 9);
  });

  it('a cached prefix skips its prefill, but the rest still attends to it', () => {
    // 800 of 1,000 prompt tokens cached: 200 tokens prefilled at positions 800…1,000, attending
    // 900 positions on average: hyp(weights, 200 GEMM tokens) + 200 × 900 × 32 layers + 200 activations.
    const cached = operatingPoint(spec, { ...shape, prefillTokens: 200 }, 1, 100);
    const expected =
      hyp(WEIGHT_READ_S, 200 * GEMM_S_PER_TOKEN) + 200 * ATTN_S * 32 * 900 + 200 * ACT_S;
    expect(cached.ttftS).toBeCloseTo(expected, 12);
    expect(cached.ttftS).toBeLessThan(operatingPoint(spec, shape, 1, 100).ttftS / 3);
  });

  it('latency grows with the batch, throughput too until compute saturates', () => {
    const a = operatingPoint(spec, shape, 8, 100);
    const b = operatingPoint(spec, shape, 64, 100);
    expect(b.tpotS).toBeGreaterThan(a.tpotS);
    expect(b.ttftS).toBeGreaterThan(a.ttftS);
    expect(b.outputTokPerS).toBeGreaterThan(a.outputTokPerS);
  });

  it('requests beyond what fits wait in the queue', () => {
    const fits = operatingPoint(spec, shape, 50, 50);
    const queued = operatingPoint(spec, shape, 100, 50);
    expect(queued.requestsPerS).toBeCloseTo(fits.requestsPerS, 12);
    // 50 extra requests at the batch's rate: wait = 50 ÷ requests per second
    expect(queued.ttftS - fits.ttftS).toBeCloseTo(50 / fits.requestsPerS, 9);
  });

  it('the SLO search returns the largest batch that meets the TPOT SLO', () => {
    const tpot1 = operatingPoint(spec, shape, 1, 1000).tpotS * 1000;
    const slo = { tpotMs: tpot1 * 1.5 };
    const r = largestConcurrencyMeetingSlo(spec, shape, 1000, slo);
    if (!r.ok) throw new Error(r.reason);
    expect(operatingPoint(spec, shape, r.batch, 1000).tpotS * 1000).toBeLessThanOrEqual(slo.tpotMs);
    expect(operatingPoint(spec, shape, r.batch + 1, 1000).tpotS * 1000).toBeGreaterThan(slo.tpotMs);
  });

  it('the SLO search lands on the last batch meeting a TTFT or end-to-end SLO, however tight', () => {
    // TTFT climbs steeply near saturation (the prefill queue), where interpolating between the
    // bracket's ends undershoots: each answer must still be the boundary, the next batch missing.
    const at = (b: number) => operatingPoint(spec, shape, b, 1000);
    const ttft1 = at(1).ttftS * 1000;
    const ttftMax = at(1000).ttftS * 1000;
    const e2e1 = at(1).e2eS * 1000;
    for (const slo of [
      { ttftMs: ttft1 * 1.05 },
      { ttftMs: (ttft1 + ttftMax) / 2 },
      { ttftMs: ttftMax * 0.99 },
      { e2eMs: e2e1 * 1.2, ttftMs: ttftMax },
    ]) {
      const r = largestConcurrencyMeetingSlo(spec, shape, 1000, slo);
      if (!r.ok) throw new Error(r.reason);
      expect(r.batch).toBeLessThan(1000);
      expect(meetsSlo(at(r.batch), slo, 0)).toBe(true);
      expect(meetsSlo(at(r.batch + 1), slo, 0)).toBe(false);
    }
  });

  it('an SLO no batch can meet is reported with both numbers', () => {
    const r = largestConcurrencyMeetingSlo(spec, shape, 1000, { ttftMs: 10 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/misses the TTFT SLO even alone: 178 ms > 10 ms/);
  });
});

describe('estimate (the CLI contract)', () => {
  const model = testModel();
  it('data-parallel replicas multiply throughput and split the concurrency', () => {
    const one = estimate({
      model,
      gpu: testGpu(),
      gpus: 1,
      precision: 'bf16',
      engine: 'vllm',
      inputTokens: 500,
      outputTokens: 100,
      concurrency: 8,
    });
    const four = estimate({
      model,
      gpu: testGpu(),
      gpus: 4,
      tp: 1,
      precision: 'bf16',
      engine: 'vllm',
      inputTokens: 500,
      outputTokens: 100,
      concurrency: 32,
    });
    expect(four.replicas).toBe(4);
    expect(four.outputTokensPerSecond).toBeCloseTo(4 * one.outputTokensPerSecond, 6);
    expect(four.tpotMs).toBeCloseTo(one.tpotMs as number, 9);
    expect(four.maxConcurrency).toBe(4 * one.maxConcurrency);
  });

  it('--saturate runs at the largest concurrency that fits', () => {
    const e = estimate({
      model,
      gpu: testGpu(),
      gpus: 1,
      precision: 'bf16',
      engine: 'vllm',
      inputTokens: 2048,
      outputTokens: 512,
      concurrency: 'saturate',
    });
    expect(e.concurrency).toBe(e.maxConcurrency);
    // KV room: 80 GiB × 0.9 − 1.5 GiB runtime − 629,145,600 B activations (8,192-token budget ×
    // (4 × 4,096 + 2 × 11,008) × 2) − 14e9 B weights = 61.07e9 B. vLLM holds the prompt and half
    // the output per running sequence: (2,048 + 256) × 131,072 B = 301,989,888 B → 202 sequences.
    expect(e.maxConcurrency).toBe(202);
  });

  it('rejects layouts that cannot exist, naming the field', () => {
    const base = {
      model,
      gpu: testGpu(),
      precision: 'bf16' as const,
      engine: 'vllm' as const,
      inputTokens: 100,
      outputTokens: 10,
      concurrency: 1,
    };
    expect(() => estimate({ ...base, gpus: 3, tp: 2 })).toThrow(
      'gpus (3) must be a multiple of tp (2)',
    );
    expect(() => estimate({ ...base, gpus: 4, tp: 8 })).toThrow('tp (8) cannot exceed gpus (4)');
    const odd = testModel({ attentionHeads: 28, kvHeads: 4 }, 'test-28');
    expect(() => estimate({ ...base, model: odd, gpus: 8, tp: 8 })).toThrow(
      "tp (8) must divide test-28's 28 attention heads",
    );
  });
});

describe('engine profiles', () => {
  it("an engine that takes another's fitted constants has them, as calibration assumes", () => {
    const fitted = [
      'kernelEfficiency',
      'stepOverheadMs',
      'layerOverheadUs',
      'sequenceOverheadUs',
    ] as const;
    const engines = PERF_PARAMETERS.engines;
    expect(TAKE_FITTED_CONSTANTS).toEqual({ vllm: ['sglang'] });
    for (const field of fitted) {
      expect(engines.sglang[field], `sglang.${field}`).toBe(engines.vllm[field]);
    }
  });
});
