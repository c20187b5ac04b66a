import { describe, expect, it } from 'vitest';
import { estimate } from '../../core/perf/estimate.ts';
import { kvBytesPerSequence, maxConcurrency, replicaSpec } from '../../core/perf/replica.ts';
import { testGpu, testModel } from '../support/fixtures.ts';

const GIB = 1024 ** 3;
const spec = (over: Partial<Parameters<typeof replicaSpec>[0]> = {}) =>
  replicaSpec({
    model: testModel(),
    gpu: testGpu(),
    tp: 1,
    precision: 'bf16',
    kvPrecision: 'bf16',
    engine: 'vllm',
    ...over,
  });

describe('memory', () => {
  it('weights: BF16 is 2 bytes per parameter', () => {
    expect(spec().weightBytes).toBe(7e9 * 2);
  });

  it('weights: FP8 keeps the 16-bit embedding tables', () => {
    // embeddings 2 × 32,000 × 4,096 = 262,144,000 params at 2 bytes; the rest at 1 byte
    expect(spec({ precision: 'fp8' }).weightBytes).toBe((7e9 - 262_144_000) * 1 + 262_144_000 * 2);
  });

  it('KV cache per token = 2 × layers × KV heads × head dim × bytes', () => {
    // 2 × 32 × 8 × 128 × 2 bytes = 131,072 per token
    expect(kvBytesPerSequence(spec(), 1)).toBe(131_072);
    expect(kvBytesPerSequence(spec({ kvPrecision: 'fp8' }), 1000)).toBe(65_536 * 1000);
  });

  it('max concurrency = usable memory ÷ KV per sequence', () => {
    // usable = 80 GiB × 0.9 − 14e9 weights − 1.5 GiB reserve − activations
    // activations = 8,192 tokens × (4 × 4,096 + 2 × 11,008) × 2 bytes = 629,145,600
    const usable = 80 * GIB * 0.9 - 14e9 - 1.5 * GIB - 629_145_600;
    expect(spec().usableKvBytes).toBeCloseTo(usable, 0);
    // a 2,560-token sequence holds 131,072 × 2,560 = 335,544,320 bytes → ⌊usable ÷ that⌋ = 182
    expect(maxConcurrency(spec(), 2560)).toBe(Math.floor(usable / 335_544_320));
    expect(maxConcurrency(spec(), 2560)).toBe(182);
  });

  it('tensor parallelism splits weights and pools KV memory', () => {
    const two = spec({ tp: 2 });
    expect(two.weightBytesPerGpu).toBe(7e9);
    // activations per GPU: 8,192 × (4 × 4,096 + 2 × 11,008 ÷ 2) × 2 = 448,790,528
    expect(two.usableKvBytes).toBeCloseTo(2 * (80 * GIB * 0.9 - 7e9 - 1.5 * GIB - 448_790_528), 0);
  });

  it('more ranks than KV heads replicate the heads', () => {
    const m = testModel({ kvHeads: 2 });
    // 8 ranks, 2 KV heads: each head is stored on 4 ranks → 4× the KV bytes per token
    const s = replicaSpec({
      model: m,
      gpu: testGpu(),
      tp: 8,
      precision: 'bf16',
      kvPrecision: 'bf16',
      engine: 'vllm',
    });
    expect(kvBytesPerSequence(s, 1)).toBe(2 * 32 * 2 * 128 * 2 * 4);
  });

  it('MLA keeps one latent per layer, on every rank', () => {
    const m = testModel({ mla: { kvLoraRank: 512, ropeHeadDim: 64 } });
    // (512 + 64) × 32 layers × 2 bytes = 36,864 per token per rank
    const s = replicaSpec({
      model: m,
      gpu: testGpu(),
      tp: 2,
      precision: 'bf16',
      kvPrecision: 'bf16',
      engine: 'vllm',
    });
    expect(kvBytesPerSequence(s, 1)).toBe(576 * 32 * 2 * 2);
  });

  it('sliding-window layers stop growing at the window', () => {
    const m = testModel({ slidingWindow: { windowTokens: 1000, layerFraction: 0.5 } });
    const s = replicaSpec({
      model: m,
      gpu: testGpu(),
      tp: 1,
      precision: 'bf16',
      kvPrecision: 'bf16',
      engine: 'vllm',
    });
    // 16 full layers × 5,000 + 16 windowed × 1,000, at 4,096 bytes per token per layer
    expect(kvBytesPerSequence(s, 5000)).toBe(4096 * (16 * 5000 + 16 * 1000));
  });

  it('a model that does not fit says why', () => {
    const big = testModel({ paramsTotalB: 70, paramsActiveB: 70 }, 'test-70b');
    const e = estimate({
      model: big,
      gpu: testGpu(),
      gpus: 1,
      precision: 'bf16',
      engine: 'vllm',
      inputTokens: 1000,
      outputTokens: 100,
      concurrency: 1,
    });
    expect(e.fitsInMemory).toBe(false);
    expect(e.maxConcurrency).toBe(0);
    expect(e.outputTokensPerSecond).toBe(0);
    expect(e.ttftMs).toBeNull();
    // Usable: 80 GB × 0.9 (vLLM's share) − 1.5 GB runtime − 8,192 tokens × (4 × 4,096 + 2 × 11,008)
    // × 2 bytes of activations (0.59 GB) = 69.9 GB.
    expect(e.reason).toBe(
      "weights need 130.4 GB per GPU of 80 GB; 69.9 GB is usable after the engine's memory share and runtime reserve: does not fit",
    );
  });

  it('fits once split over enough GPUs', () => {
    const big = testModel({ paramsTotalB: 70, paramsActiveB: 70 }, 'test-70b');
    const e = estimate({
      model: big,
      gpu: testGpu(),
      gpus: 4,
      precision: 'bf16',
      engine: 'vllm',
      inputTokens: 1000,
      outputTokens: 100,
      concurrency: 1,
    });
    expect(e.fitsInMemory).toBe(true);
    expect(e.weightsGBPerGpu).toBeCloseTo(35e9 / GIB, 6);
  });
});
