import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Measurement } from '../../core/calibration/measurement.ts';
import { errorStats, metricGroup, predict } from '../../core/calibration/predict.ts';
import { Gpu, Model, type OpenModel } from '../../core/schema/catalog.ts';

// The measurements (copied with their sources) and the project's seed GPUs and models.
const doc = z
  .object({ measurements: z.array(Measurement) })
  .parse(JSON.parse(readFileSync('test/data/published-inference.json', 'utf8')));
const models = new Map(
  z
    .array(Model)
    .parse(JSON.parse(readFileSync('data/seed/models.json', 'utf8')))
    .filter((m) => m.arch !== undefined)
    .map((m) => [m.id, m as OpenModel]),
);
const gpus = new Map(
  z
    .array(Gpu)
    .parse(JSON.parse(readFileSync('data/seed/gpus.json', 'utf8')))
    .map((g) => [g.id, g]),
);
const predictions = doc.measurements.map((m) => predict(m, models, gpus));
const group = (g: string) =>
  errorStats(
    predictions.filter(
      (p) => p.measurement.metric !== null && metricGroup(p.measurement.metric) === g,
    ),
  );

describe('calibration against published measurements', () => {
  it('predicts every comparable measurement', () => {
    const missed = predictions.filter(
      (p) => p.measurement.excluded === undefined && p.predicted === null,
    );
    expect(missed.map((p) => `${p.measurement.id}: ${p.note}`)).toEqual([]);
    expect(predictions.filter((p) => p.relativeError !== null).length).toBeGreaterThanOrEqual(75);
  });

  it('throughput: median absolute error ≤ 15%', () => {
    const s = group('throughput');
    expect(s.count).toBeGreaterThanOrEqual(45);
    expect(s.medianAbsPct).toBeLessThanOrEqual(15);
  });

  it('TTFT: median absolute error ≤ 25%', () => {
    const s = group('ttft');
    expect(s.count).toBeGreaterThanOrEqual(10);
    expect(s.medianAbsPct).toBeLessThanOrEqual(25);
  });

  it('TPOT: median absolute error ≤ 25%', () => {
    const s = group('tpot');
    expect(s.count).toBeGreaterThanOrEqual(10);
    expect(s.medianAbsPct).toBeLessThanOrEqual(25);
  });

  it('the model keeps physical orderings the data shows', () => {
    // H200's extra bandwidth and memory help a long-context run: 17,744 vs 15,220 published.
    const h200 = predictions.find((p) => p.measurement.id === 41)?.predicted ?? 0;
    const h100 = predictions.find((p) => p.measurement.id === 42)?.predicted ?? 0;
    expect(h200).toBeGreaterThan(h100);
  });
});
