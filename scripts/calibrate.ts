/**
 * Predicted vs published for every calibration measurement, with median and 90th-percentile
 * absolute % error per metric. The headline is the 5-fold cross-validated error (each point
 * predicted by a fit that never saw it); the in-sample error of the stored constants follows.
 * `npm run calibrate` (add `-- --fit` to re-fit and print the fitted constants).
 */
import { exitQuietlyOnClosedPipe } from './cli/closed-pipe.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Measurement } from '../core/calibration/measurement.ts';
import { crossValidate, FIT_OPTIONS, fitParameters, PRIOR } from '../core/calibration/fit.ts';
import { errorStats, metricGroup, predict, type Prediction } from '../core/calibration/predict.ts';
import type { Gpu, OpenModel } from '../core/schema/catalog.ts';
import { readSeed } from '../electron/db/seed-files.ts';

export function loadCalibration(root = process.cwd()) {
  const doc = z
    .object({ measurements: z.array(Measurement) })
    .parse(JSON.parse(readFileSync(join(root, 'test/data/published-inference.json'), 'utf8')));
  const seed = readSeed();
  const models = new Map<string, OpenModel>();
  for (const m of seed.models) if (m.arch) models.set(m.id, m as OpenModel);
  const gpus = new Map<string, Gpu>(seed.gpus.map((g) => [g.id, g]));
  return { measurements: doc.measurements, models, gpus };
}

function fmt(n: number | null, digits = 1): string {
  if (n === null || !Number.isFinite(n)) return '—';
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits);
}

function main(): void {
  exitQuietlyOnClosedPipe();
  const { measurements, models, gpus } = loadCalibration();
  if (process.argv.includes('--fit')) return fit(measurements, models, gpus);
  const predictions = measurements.map((m) => predict(m, models, gpus));
  console.log(
    'id  model            gpu        n  tp prec  engine  in/out       conc  metric         published   predicted   error',
  );
  for (const p of predictions) {
    const m = p.measurement;
    const err =
      p.relativeError === null ? (p.note ?? '') : `${(p.relativeError * 100).toFixed(1)}%`;
    console.log(
      [
        String(m.id).padEnd(3),
        (m.model ?? '?').padEnd(16),
        (m.gpu ?? '?').padEnd(10),
        String(m.gpus).padStart(2),
        String(m.tp).padStart(3),
        m.precision.padEnd(5),
        m.engine.padEnd(7),
        `${m.input}/${m.output}`.padEnd(12),
        (m.harness?.requestsPerS !== undefined
          ? `${m.harness.requestsPerS}/s`
          : String(m.concurrency)
        ).padStart(5),
        ` ${(m.metric ?? '-').padEnd(14)}`,
        fmt(m.value).padStart(10),
        fmt(p.predicted).padStart(11),
        `  ${err}${m.lowConfidence ? ' (low confidence)' : ''}`,
      ].join(' '),
    );
  }
  printHeadline(measurements, models, gpus);
  console.log('\nIn-sample (the stored constants, fitted on every point):');
  printStats(predictions);
}

function printHeadline(
  measurements: Measurement[],
  models: ReadonlyMap<string, OpenModel>,
  gpus: ReadonlyMap<string, Gpu>,
): void {
  const count = measurements.filter((m) => m.excluded === undefined && m.metric !== null).length;
  console.log(
    `\nHeadline: 5-fold cross-validation over ${count} measurements (each point predicted by a fit that never saw it):`,
  );
  const heldOut = crossValidate(measurements, models, gpus, PRIOR, FIT_OPTIONS, 5);
  printStats(heldOut);
  printRegimes(heldOut, models, gpus);
}

/**
 * The held-out error by regime: metric, dense or MoE, GPU family, precision, engine (legacy
 * releases apart) and how the benchmark ran (a closed loop of one length, a burst, random arrivals
 * at a rate, or none of these).
 */
function printRegimes(
  predictions: readonly Prediction[],
  models: ReadonlyMap<string, OpenModel>,
  gpus: ReadonlyMap<string, Gpu>,
): void {
  const groups = new Map<string, Prediction[]>();
  for (const p of predictions) {
    const m = p.measurement;
    if (p.relativeError === null || m.metric === null) continue;
    const moe = models.get(m.model ?? '')?.arch.moe !== undefined;
    const harness = m.harness?.burst
      ? 'burst'
      : m.harness?.arrivals === 'cohort'
        ? 'closed loop'
        : m.harness?.requestsPerS !== undefined
          ? 'poisson'
          : '';
    const key = [
      metricGroup(m.metric),
      moe ? 'MoE' : 'dense',
      gpus.get(m.gpu ?? '')?.family ?? '?',
      m.precision,
      m.engine + (m.legacy ? ' (legacy)' : ''),
      harness,
    ].join(' ');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  console.log(
    '\nby regime (held out)                                    points  median |err|  p90 |err|',
  );
  for (const [key, ps] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const s = errorStats(ps);
    console.log(
      `${key.padEnd(56)} ${String(s.count).padStart(6)}  ${s.medianAbsPct.toFixed(1).padStart(11)}%  ${s.p90AbsPct.toFixed(1).padStart(8)}%`,
    );
  }
}

function fit(
  measurements: Measurement[],
  models: ReadonlyMap<string, OpenModel>,
  gpus: ReadonlyMap<string, Gpu>,
): void {
  const result = fitParameters(measurements, models, gpus, PRIOR, FIT_OPTIONS);
  printHeadline(measurements, models, gpus);
  console.log(
    `\nfitted (loss ${result.loss.toFixed(3)}); copy into core/perf/efficiency.ts and MEASUREMENT_FACTORS:`,
  );
  for (const k of result.knobs) console.log(`  ${k.name.padEnd(32)} ${k.value.toPrecision(4)}`);
  const s = result.state;
  console.log('\nIn-sample (this fit, on every point):');
  printStats(measurements.map((m) => predict(m, models, gpus, s.perf, s.measurement)));
}

export function groupedStats(predictions: readonly Prediction[]) {
  const groups = new Map<string, Prediction[]>();
  for (const p of predictions) {
    if (p.relativeError === null || p.measurement.metric === null) continue;
    const g = metricGroup(p.measurement.metric);
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  return [...groups].map(([group, ps]) => ({ group, ...errorStats(ps) }));
}

function printStats(predictions: readonly Prediction[]): void {
  console.log('\nmetric       points  median |err|  p90 |err|');
  for (const s of groupedStats(predictions)) {
    console.log(
      `${s.group.padEnd(12)} ${String(s.count).padStart(6)}  ${s.medianAbsPct.toFixed(1).padStart(11)}%  ${s.p90AbsPct.toFixed(1).padStart(8)}%`,
    );
  }
}

if (process.argv[1]?.endsWith('calibrate.ts')) main();
