import {
  formatDecimal,
  formatMs,
  formatNumber,
  formatPct,
  formatUnitUsd,
  formatUsd,
} from '../format.ts';
import { OPERATIONS_SOURCES } from '../schema/operations.ts';
import type { CandidateResult, SelfHostDetail } from '../sweep/types.ts';

/** One line of a cost explanation: what it is, and the number with how it was made. */
export interface CostLine {
  label: string;
  value: string;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;

/**
 * How a self-hosted candidate's cost is made, line by line, in words a buyer can check: the fleet
 * and its reserve, how owned hardware is paid (servers, depreciation, the capital charge's
 * annuity, cash when bought, the book value at the horizon), the running costs each with its
 * arithmetic, spot's on-demand share and fallback, the load time, and the latency at mean and p95
 * sizes. Empty for hosted APIs and for candidates that could not be sized.
 */
export function explainSelfHostCost(r: CandidateResult): CostLine[] {
  const s = r.selfHost;
  if (s === null || r.monthlyUsd === null) return [];
  const b = r.breakdown;
  const lines: CostLine[] = [fleetLine(s)];
  if (s.owned !== null && s.serversPeak !== null && s.gpusPerServer !== null) {
    lines.push(...ownedLines(r, s));
  } else {
    lines.push(...rentedLines(r, s));
  }
  const d = s.deployment;
  lines.push({
    label: 'Operations staff',
    value:
      d.staffUsdPerFteYear === null
        ? `${formatUsd(b.staffUsd)} a month, as the placement states`
        : `${staffFte(s)} FTE × ${formatUsd(d.staffUsdPerFteYear)} a year ÷ 12 = ${formatUsd(b.staffUsd)} a month`,
  });
  lines.push({
    label: 'Weights storage',
    value: `${formatDecimal(d.weightsGB, 1)} GB × ${formatUnitUsd(d.storageUsdPerMonth / Math.max(d.weightsGB, 1e-9))}/GB-month = ${formatUsd(b.storageUsd)}`,
  });
  lines.push({
    label: 'Egress',
    value:
      d.egressUsdPerGB === 0
        ? 'none (responses stay inside the network)'
        : `${formatDecimal(b.egressUsd / d.egressUsdPerGB, 1)} GB of responses a month × ${formatUnitUsd(d.egressUsdPerGB)}/GB = ${formatUsd(b.egressUsd)}`,
  });
  const hosts = d.monitoringUsdPerHostMonth > 0 ? b.monitoringUsd / d.monitoringUsdPerHostMonth : 0;
  lines.push({
    label: 'Monitoring',
    value: `${plural(hosts, 'host')} at peak × ${formatUsd(d.monitoringUsdPerHostMonth)} a month = ${formatUsd(b.monitoringUsd)}`,
  });
  lines.push(loadLine(s));
  if (s.p95 !== null) {
    lines.push({
      label: 'Latency, mean / p95 size',
      value: `TTFT ${formatMs(r.ttftMs)} / ${formatMs(s.p95.ttftMs)}, TPOT ${formatMs(r.tpotMs)} / ${formatMs(s.p95.tpotMs)} — the SLO is checked at the p95 sizes, throughput at the mean`,
    });
  }
  return lines;
}

/** What each running-cost and availability default is, as the detail and the report name it. */
export const OPERATIONS_SOURCE_LABELS: Record<keyof typeof OPERATIONS_SOURCES, string> = {
  staff: 'Staff defaults',
  storage: 'Storage price',
  egress: 'Egress price',
  monitoring: 'Monitoring price',
  weightsLoad: 'Load time defaults',
  spot: 'Spot defaults',
  colocation: 'Colocation price',
};

/** The running-cost and availability defaults a self-hosted candidate's cost uses. */
export function operationsSourceKeys(r: CandidateResult): (keyof typeof OPERATIONS_SOURCES)[] {
  if (r.selfHost === null) return [];
  return (Object.keys(OPERATIONS_SOURCES) as (keyof typeof OPERATIONS_SOURCES)[]).filter(
    (k) =>
      (k !== 'spot' || r.selfHost?.spot !== null) && (k !== 'colocation' || r.kind === 'onprem'),
  );
}

/** Where the running-cost and availability defaults come from, for a self-hosted candidate. */
export function operationsSourceLines(r: CandidateResult): CostLine[] {
  return operationsSourceKeys(r).map((k) => ({
    label: `${OPERATIONS_SOURCE_LABELS[k]} (as of ${OPERATIONS_SOURCES[k].asOf})`,
    value: OPERATIONS_SOURCES[k].source,
  }));
}

function staffFte(s: SelfHostDetail): string {
  const d = s.deployment;
  if (d.staffFtePerGpu === 0 || s.gpusBought === null) return formatDecimal(d.staffFte, 3);
  const total = d.staffFte + d.staffFtePerGpu * s.gpusBought;
  return `(${formatDecimal(d.staffFte, 3)} + ${formatDecimal(d.staffFtePerGpu, 4)} × ${formatNumber(s.gpusBought)} GPUs) = ${formatDecimal(total, 3)}`;
}

function fleetLine(s: SelfHostDetail): CostLine {
  const reserve =
    s.reserveReplicas === 0
      ? 'no reserve (an experiment, or none asked)'
      : `${plural(s.reserveReplicas, 'spare replica')} kept warm for availability (production N+1)`;
  return {
    label: 'Fleet at peak',
    value: `${plural(s.replicasPeak, 'replica')} of ${plural(s.tp, 'GPU')} each, ${reserve}; utilization ${formatPct(s.utilization, 1)}`,
  };
}

function ownedLines(r: CandidateResult, s: SelfHostDetail): CostLine[] {
  const o = s.owned!;
  const servers = s.serversPeak!;
  const b = r.breakdown;
  const lines: CostLine[] = [
    {
      label: 'Servers bought',
      value: `${plural(servers, `${s.gpusPerServer}-GPU server`)} = ${formatNumber(s.gpusBought)} GPUs, ${formatUsd(o.serverUsd)} each (${o.serverPriceFrom === 'catalog' ? 'the catalog’s server price, see Sources' : 'the placement’s price'}) = ${formatUsd(o.capexUsd)}`,
    },
    {
      label: 'Depreciation',
      value: `${formatUsd(o.capexUsd)} ÷ ${o.lifeMonths} months, straight line = ${formatUsd(o.depreciationUsd)} a month (split into work and idle by utilization)`,
    },
    {
      label: 'Capital charge',
      value: `standard annuity ${formatUsd(o.capexUsd)} × r ÷ (1 − (1 + r)^−${o.lifeMonths}), r = (1 + ${formatPct(o.discountRateAnnual, 1)})^(1/12) − 1: ${formatUsd(o.annuityUsd)} a month, less depreciation = ${formatUsd(b.capitalChargeUsd)}`,
    },
  ];
  lines.push({
    label: 'Cash over the horizon',
    value: `hardware paid when bought (the first servers at the decision, more in the month growth needs them, a refresh at each end of life): ${formatUsd(o.horizonCapexUsd)}; book value left at the horizon, straight-line over the life, credited at its end: ${formatUsd(o.residualUsd)}. Servers are never sold when demand falls.`,
  });
  const p = r.placement;
  if (p.kind === 'onprem') {
    lines.push({
      label: 'Power',
      value: `${formatNumber(r.energyKwhPerMonth)} kWh (GPUs by utilization, ${formatPct(o.serverOverheadFraction, 0)} more for the rest of the server, × PUE ${p.pue}) × ${formatUnitUsd(p.powerUsdPerKwh)}/kWh = ${formatUsd(b.powerUsd)}`,
    });
    lines.push({
      label: 'Colocation',
      value:
        p.colocationUsdPerGpuMonth === undefined
          ? `${plural(servers, 'server')} × ${formatDecimal(o.serverRatedKw, 2)} kW × ${formatUsd(p.colocationUsdPerKwMonth)}/kW-month = ${formatUsd(b.colocationUsd)}`
          : `${formatNumber(s.gpusBought)} GPUs × ${formatUsd(p.colocationUsdPerGpuMonth)} = ${formatUsd(b.colocationUsd)}`,
    });
  }
  return lines;
}

function rentedLines(r: CandidateResult, s: SelfHostDetail): CostLine[] {
  const b = r.breakdown;
  const lines: CostLine[] = [
    {
      label: 'Instances',
      value: `${plural(s.instancesPeak ?? 0, 'instance')} at peak, ${plural(s.warmUnits, 'instance')} always warm; instance-hours ${formatUsd(b.gpuUsd + b.idleUsd)} a month (GPU time and idle capacity)`,
    },
  ];
  const c = r.commitment;
  if (c !== null) {
    const burst =
      (r.placement.kind === 'cloud' && r.placement.burst) === 'spot' ? 'spot' : 'on demand';
    lines.push({
      label: 'Commitment',
      value: `${c.term} term: ${plural(c.committedUnits, 'instance')} committed, paid every hour of it whatever demand does (held when demand falls; more committed when it grows); each runs ${formatPct(c.utilization, 0)} of the time against a break-even of ${formatPct(c.breakEvenUtilization, 0)}; demand above them runs ${burst}`,
    });
  }
  if (s.spot !== null) {
    const d = s.deployment;
    lines.push({
      label: 'Spot',
      value: `${plural(s.spot.onDemandInstances, 'instance')} stay on demand (the warm floor and reserve hold the SLO when spot is reclaimed); ${formatNumber(s.spot.spotInstanceHours)} instance-hours on spot; ${formatPct(d.spotInterruptionsPerMonth, 0)} of spot instances reclaimed a month → ${formatDecimal(s.spot.interruptions, 2)} interruptions, each ${formatNumber(d.spotFallbackHours)} h on demand and a reload: ${formatUsd(s.spot.fallbackUsd)} a month`,
    });
  }
  return lines;
}

function loadLine(s: SelfHostDetail): CostLine {
  const d = s.deployment;
  const warmUp =
    s.warmUpUnitHours > 0
      ? `; ${formatDecimal(s.warmUpUnitHours, 1)} unit-hours a month paid while new replicas load`
      : '';
  return {
    label: 'Model load',
    value: `a new replica serves after ~${formatNumber(d.loadSeconds)} s (${formatDecimal(d.weightsGB, 1)} GB of weights at the load bandwidth, plus engine start); peaks that come faster are served by the warm fleet${warmUp}`,
  };
}

/**
 * What a hosted API saves against the best self-hosted candidate: no GPU operations staff and
 * none of the running costs that come with GPUs. Null when there is no self-hosted candidate.
 */
export function apiSavingsLine(
  api: CandidateResult,
  bestSelfHosted: CandidateResult | null,
): CostLine | null {
  if (api.kind !== 'api' || bestSelfHosted === null || bestSelfHosted.selfHost === null)
    return null;
  const b = bestSelfHosted.breakdown;
  const running = b.staffUsd + b.storageUsd + b.egressUsd + b.monitoringUsd;
  return {
    label: 'Versus self-hosting',
    value: `no GPU operations staff: saves ${formatUsd(b.staffUsd)} a month (and ${formatUsd(running - b.staffUsd)} of storage, egress and monitoring) against ${bestSelfHosted.label}`,
  };
}
