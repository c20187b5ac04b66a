/**
 * The rules on hosted-API latency figures: each names an offering the catalog has, and its
 * numbers are in units a hosted API can reach (see LATENCY_BOUNDS).
 */
import type { LatencyMeasurement } from '../schema/catalog.ts';
import { finding, LATENCY_BOUNDS, type Finding } from './rules.ts';

const key = (m: LatencyMeasurement) => `${m.offeringId}|${m.kind}`;
const n = (value: number) => value.toLocaleString('en-US');

/** The findings on one figure's numbers (both levels). */
export function latencyFindings(m: LatencyMeasurement): Finding[] {
  const out: Finding[] = [];
  const { ttftMs: ttft, outputTokPerS: speed } = m;
  const b = LATENCY_BOUNDS;
  if (ttft !== undefined && ttft < b.ttftMs.min) {
    out.push(
      finding(
        'latency-plausible',
        'latency',
        key(m),
        'ttftMs',
        `${n(ttft)} ms is below ${b.ttftMs.min} ms, faster than any hosted API answers: was it given in seconds?`,
      ),
    );
  } else if (ttft !== undefined && ttft > b.ttftMs.usualMax) {
    out.push(
      finding(
        'latency-unusual',
        'latency',
        key(m),
        'ttftMs',
        `${n(ttft)} ms is over ${b.ttftMs.usualMax / 1000} s to a first token`,
      ),
    );
  }
  if (speed !== undefined && speed > b.outputTokPerS.max) {
    out.push(
      finding(
        'latency-plausible',
        'latency',
        key(m),
        'outputTokPerS',
        `${n(speed)} tokens/s is above ${n(b.outputTokPerS.max)}, faster than any single stream runs: is it a whole test's throughput?`,
      ),
    );
  } else if (speed !== undefined && speed < b.outputTokPerS.usualMin) {
    out.push(
      finding(
        'latency-unusual',
        'latency',
        key(m),
        'outputTokPerS',
        `${n(speed)} tokens/s is below ${b.outputTokPerS.usualMin} token/s`,
      ),
    );
  }
  return out;
}

/** The error-level findings on one figure: what an edit or a user's file is refused for. */
export function latencyErrors(m: LatencyMeasurement): Finding[] {
  return latencyFindings(m).filter((f) => f.level === 'error');
}

/** Every latency rule over the catalog's figures. */
export function checkLatency(
  latency: readonly LatencyMeasurement[],
  offeringIds: ReadonlySet<string>,
  push: (f: Finding) => void,
): void {
  for (const m of latency) {
    if (!offeringIds.has(m.offeringId)) {
      push(
        finding(
          'latency-offering',
          'latency',
          key(m),
          'offeringId',
          `no API offering '${m.offeringId}' in the catalog`,
        ),
      );
    }
    for (const f of latencyFindings(m)) push(f);
  }
}
