import {
  cloudFleetInput,
  cloudMonthUsd,
  cloudPriceScratch,
  isCommitted,
  priceCloudFleet,
  type CloudMonthSeries,
} from '../selfhost/cloud-cost.ts';
import { sizeFleet } from '../selfhost/fleet.ts';
import type { CloudPlacement } from '../schema/placement.ts';
import type { EvalContext } from './context.ts';
import type { OkAssessment, SizedFleet } from './evaluate-cloud.ts';
import { roiToWriteInto } from '../roi/roi.ts';
import { followingDemandRoi, growthMonths } from './result.ts';

/**
 * The group's fleet over the growth months, priced apart from the row (on-demand and other hourly
 * prices, nothing held): built for the first region of the group met, kept by its sized fleet.
 */
function fleetMonthSeries(ctx: EvalContext, p: CloudPlacement, a: OkAssessment): CloudMonthSeries {
  // A sweep meets the regions of an instance type in a row: the last series is checked first.
  const last = ctx.lastFleetMonths;
  if (last !== undefined && last.fleet === a.sized) return last.series;
  let series = ctx.fleetMonths.get(a.sized);
  if (series !== undefined) {
    ctx.lastFleetMonths = { fleet: a.sized, series };
    return series;
  }
  const h = ctx.value.horizonMonths;
  const months = growthMonths(ctx, 'cloud');
  const scratch = cloudPriceScratch();
  // Plain arrays: a sweep builds one series per fleet (about 850), typed arrays cost more to make.
  series = {
    stated: zeros(h + 1),
    unpriced: zeros(h + 1),
    instanceHours: zeros(h + 1),
    runningUsd: zeros(h + 1),
  };
  // The fleet re-sized month by month as `cloudFleet` sizes it, from one input and into one
  // sizing: nothing else in the sweep asks for these months' fleets (rows re-size their own).
  const input = cloudFleetInput(p, a.sized.gpusPerInstance, a.capacity, a.terms);
  const committed = isCommitted(p.pricing);
  let sized: SizedFleet | undefined;
  for (let m = 1; m <= h; m++) {
    const month = months[m]!;
    if (month.rates === ctx.rates) {
      series.stated[m] = 1;
      continue;
    }
    if (typeof input === 'string') {
      series.unpriced[m] = 1;
      continue;
    }
    if (sized === undefined) {
      const fleet = sizeFleet(input, month.workload, month.rates, committed);
      sized = {
        ok: true,
        fleet,
        replicasPerInstance: input.replicasPerUnit,
        gpusPerInstance: a.sized.gpusPerInstance,
      };
    } else sizeFleet(input, month.workload, month.rates, committed, sized.fleet);
    const cost = priceCloudFleet(sized, a.instance, p.pricing, a.terms, month.rates, scratch);
    if (!cost.ok) series.unpriced[m] = 1;
    else {
      series.instanceHours[m] = cost.instanceHours;
      series.runningUsd[m] = cost.runningUsd;
    }
  }
  ctx.fleetMonths.set(a.sized, series);
  ctx.lastFleetMonths = { fleet: a.sized, series };
  return series;
}

/** A plain array of n zeros. */
function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

/**
 * ROI of a rented candidate that follows demand in a growing workload, from its group's monthly
 * series: the same months `cloudCostAt` prices, without a closure or a pricing call per month.
 */
export function growingCloudRoi(ctx: EvalContext, p: CloudPlacement, a: OkAssessment) {
  const h = ctx.value.horizonMonths;
  let runUsd = ctx.runUsdScratch;
  if (runUsd === undefined || runUsd.length !== h + 1) {
    ctx.runUsdScratch = runUsd = new Float64Array(h + 1);
  }
  const series = fleetMonthSeries(ctx, p, a);
  const own = a.cost.monthlyUsd;
  const usdPerHour = a.cost.usdPerHour;
  const discount = a.discount;
  // The months are the series' on this price, terms and own month: regions of an instance type at
  // the same price (a quarter of the bench's growth sweep) have the same ROI as the last one.
  const last = (ctx.lastGrowingRoi ??= {
    series: undefined,
    usdPerHour: 0,
    discount: null,
    ownUsd: 0,
    roi: roiToWriteInto(),
  });
  if (
    last.series === series &&
    last.discount === discount &&
    Object.is(last.usdPerHour, usdPerHour) &&
    Object.is(last.ownUsd, own)
  ) {
    return last.roi;
  }
  for (let m = 1; m <= h; m++) {
    runUsd[m] = series.stated[m] === 1 ? own : cloudMonthUsd(series, m, usdPerHour, discount);
  }
  last.series = series;
  last.usdPerHour = usdPerHour;
  last.discount = discount;
  last.ownUsd = own;
  return followingDemandRoi(ctx, 'cloud', runUsd, undefined, false, last.roi);
}
