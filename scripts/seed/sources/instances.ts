/**
 * Cloud GPU instances: AWS (Vantage), GCP (Cyclenerd's pricing.yml), and Lambda, Azure, Nebius and
 * OCI (SkyPilot's catalogs). Only GPUs in the catalog's GPU table are kept, mapped by instance
 * family because the files name the chip, not the part: a PCIe A100 is not the SXM a100-80gb row,
 * and an H100 NVL is neither H100 row.
 */
import type { z } from 'zod';
import type { Instance } from '../../../core/schema/catalog.ts';
import { HOURS_PER_MONTH } from '../../../core/units.ts';
import { SNAPSHOTS, cellNumber, referenceCsv, usd6 } from './reference.ts';

type InstanceInput = z.input<typeof Instance>;

export interface SeedInstances {
  rows: InstanceInput[];
  skipped: Record<string, number>;
}

/** AWS instance families → catalog GPU (Vantage names only the chip). */
const AWS_FAMILIES: Record<string, string> = {
  g5: 'a10g',
  g6: 'l4',
  gr6: 'l4',
  g6e: 'l40s',
  p4d: 'a100-40gb', // 8× A100 40 GB SXM4
  p4de: 'a100-80gb', // 8× A100 80 GB SXM4
  p5: 'h100-sxm',
  p5e: 'h200',
  p5en: 'h200',
  'p6-b200': 'b200',
};
/** A parent region; Local Zones and Wavelength zones (us-east-1-atl-1 …) are left out. */
const AWS_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** GCP machine families → catalog GPU. g4 (RTX PRO 6000) has no catalog GPU. */
const GCP_FAMILIES: [RegExp, string][] = [
  [/^a2-(highgpu|megagpu)-/, 'a100-40gb'],
  [/^a2-ultragpu-/, 'a100-80gb'],
  [/^a3-(highgpu|megagpu|edgegpu)-/, 'h100-sxm'],
  [/^a3-ultragpu-/, 'h200'],
  [/^a4-highgpu-/, 'b200'],
  [/^g2-standard-/, 'l4'],
];

interface SkyPilotShape {
  gpuId: string;
  gpuCount: number;
  note?: string;
}

/** SkyPilot shapes mapped one by one: the catalog names the accelerator loosely. */
const SKYPILOT_SHAPES: Record<string, Record<string, SkyPilotShape>> = {
  lambda: {
    gpu_1x_a10: { gpuId: 'a10', gpuCount: 1 },
    gpu_1x_a100_sxm4: { gpuId: 'a100-40gb', gpuCount: 1 },
    gpu_8x_a100: { gpuId: 'a100-40gb', gpuCount: 8, note: "Lambda's 8x A100 40 GB is SXM4" },
    gpu_8x_a100_80gb_sxm4: { gpuId: 'a100-80gb', gpuCount: 8 },
    gpu_1x_h100_pcie: { gpuId: 'h100-pcie', gpuCount: 1 },
    gpu_1x_h100_sxm5: { gpuId: 'h100-sxm', gpuCount: 1 },
    gpu_2x_h100_sxm5: { gpuId: 'h100-sxm', gpuCount: 2 },
    gpu_4x_h100_sxm5: { gpuId: 'h100-sxm', gpuCount: 4 },
    gpu_8x_h100_sxm5: { gpuId: 'h100-sxm', gpuCount: 8 },
    gpu_1x_b200_sxm6: { gpuId: 'b200', gpuCount: 1 },
    gpu_2x_b200_sxm6: { gpuId: 'b200', gpuCount: 2 },
    gpu_8x_b200_sxm6: { gpuId: 'b200', gpuCount: 8 },
  },
  azure: {
    Standard_NC24ads_A100_v4: {
      gpuId: 'a100-80gb',
      gpuCount: 1,
      note: 'A100 80 GB PCIe mapped to the SXM a100-80gb row (≈5% less bandwidth; one GPU, so no NVLink is assumed)',
    },
    Standard_ND96asr_v4: { gpuId: 'a100-40gb', gpuCount: 8 },
    Standard_ND96amsr_A100_v4: { gpuId: 'a100-80gb', gpuCount: 8 },
    Standard_ND96isr_H100_v5: {
      gpuId: 'h100-sxm',
      gpuCount: 8,
      note: 'ND H100 v5 is 8× H100 SXM; the source says 12 GPUs',
    },
    Standard_NV36ads_A10_v5: { gpuId: 'a10', gpuCount: 1 },
    Standard_NV36adms_A10_v5: { gpuId: 'a10', gpuCount: 1 },
    Standard_NV72ads_A10_v5: { gpuId: 'a10', gpuCount: 2 },
  },
  nebius: {
    'gpu-h100-sxm_1gpu-16vcpu-200gb': { gpuId: 'h100-sxm', gpuCount: 1 },
    'gpu-h100-sxm_8gpu-128vcpu-1600gb': { gpuId: 'h100-sxm', gpuCount: 8 },
    'gpu-h200-sxm_1gpu-16vcpu-200gb': { gpuId: 'h200', gpuCount: 1 },
    'gpu-h200-sxm_8gpu-128vcpu-1600gb': { gpuId: 'h200', gpuCount: 8 },
    'gpu-b200-sxm_8gpu-160vcpu-1792gb': { gpuId: 'b200', gpuCount: 8 },
  },
  oci: {
    'BM.GPU.H100.8': { gpuId: 'h100-sxm', gpuCount: 8 },
    'BM.GPU.H200.8': { gpuId: 'h200', gpuCount: 8 },
    'BM.GPU.B200.8': { gpuId: 'b200', gpuCount: 8 },
    'BM.GPU.GB200.4': { gpuId: 'gb200', gpuCount: 4 },
    'BM.GPU.MI300X.8': { gpuId: 'mi300x', gpuCount: 8 },
    'BM.GPU.L40S.4': { gpuId: 'l40s', gpuCount: 4 },
    'BM.GPU.A100-v2.8': { gpuId: 'a100-80gb', gpuCount: 8 },
    'BM.GPU4.8': { gpuId: 'a100-40gb', gpuCount: 8 },
    'BM.GPU.A10.4': { gpuId: 'a10', gpuCount: 4 },
    'VM.GPU.A10.1': { gpuId: 'a10', gpuCount: 1 },
    'VM.GPU.A10.2': { gpuId: 'a10', gpuCount: 2 },
  },
};

/** Nebius L40S shapes are named by GPU count: gpu-l40s-a_1gpu-16vcpu-64gb. */
function nebiusL40s(type: string): SkyPilotShape | undefined {
  const m = /^gpu-l40s-[ad]_(\d+)gpu-/.exec(type);
  return m?.[1] === undefined ? undefined : { gpuId: 'l40s', gpuCount: Number(m[1]) };
}

/** Lambda lists every type in every region at one price; these are the regions the seed can place. */
export const LAMBDA_REGIONS = new Set([
  'us-east-1',
  'us-west-1',
  'us-west-2',
  'us-west-3',
  'us-south-1',
  'us-midwest-1',
  'europe-central-1',
  'asia-south-1',
  'asia-northeast-1',
  'asia-northeast-2',
  'australia-east-1',
  'me-west-1',
]);

function awsInstances(skip: (reason: string) => void): InstanceInput[] {
  const out: InstanceInput[] = [];
  for (const row of referenceCsv(SNAPSHOTS.aws.file)) {
    const type = row['instance_type'] ?? '';
    const gpuId = AWS_FAMILIES[type.split('.')[0] ?? ''];
    const region = row['region'] ?? '';
    const onDemand = cellNumber(row['on_demand_usd_per_hr']);
    const gpuCount = cellNumber(row['gpu_count']);
    if (gpuId === undefined) skip('aws: GPU not in catalog');
    else if (!AWS_REGION.test(region)) skip('aws: local or wavelength zone');
    else if (onDemand === undefined || onDemand <= 0 || gpuCount === undefined)
      skip('aws: no on-demand price');
    else {
      const reserved = cellNumber(row['reserved_1yr_std_noupfront_usd_per_hr']);
      out.push({
        id: `aws:${type}:${region}`,
        cloud: 'aws',
        instanceType: type,
        gpuId,
        gpuCount,
        regionId: `aws:${region}`,
        vcpus: cellNumber(row['vcpu']),
        memoryGiB: cellNumber((row['memory'] ?? '').replace(/\s*GiB$|\s*GB$/, '')),
        usdPerHour: {
          onDemand,
          commit1y: reserved !== undefined && reserved > 0 ? reserved : undefined,
        },
        source: `${SNAPSHOTS.aws.label} (Linux on-demand; commit1y = 1-year standard no-upfront reserved)`,
        asOf: SNAPSHOTS.aws.asOf,
      });
    }
  }
  return out;
}

function gcpInstances(skip: (reason: string) => void): InstanceInput[] {
  const out: InstanceInput[] = [];
  const perHour = (monthly: number | undefined) =>
    monthly !== undefined && monthly > 0 ? usd6(monthly / HOURS_PER_MONTH) : undefined;
  for (const row of referenceCsv(SNAPSHOTS.gcp.file)) {
    const type = row['machine_type'] ?? '';
    const gpuId = GCP_FAMILIES.find(([pattern]) => pattern.test(type))?.[1];
    const region = row['region'] ?? '';
    const onDemand = cellNumber(row['on_demand_usd_per_hr']);
    const gpuCount = cellNumber(row['gpu_count']);
    if (gpuId === undefined) skip('gcp: GPU not in catalog');
    else if (
      onDemand === undefined ||
      onDemand <= 0 ||
      gpuCount === undefined ||
      !Number.isInteger(gpuCount)
    ) {
      skip('gcp: no on-demand price');
    } else {
      const spot = cellNumber(row['spot_usd_per_hr']);
      out.push({
        id: `gcp:${type}:${region}`,
        cloud: 'gcp',
        instanceType: type,
        gpuId,
        gpuCount,
        regionId: `gcp:${region}`,
        vcpus: cellNumber(row['vcpu']),
        memoryGiB: cellNumber(row['ram_gb']),
        usdPerHour: {
          onDemand: usd6(onDemand),
          spot: spot !== undefined && spot > 0 ? usd6(spot) : undefined,
          commit1y: perHour(cellNumber(row['cud_1y_usd_per_month'])),
          commit3y: perHour(cellNumber(row['cud_3y_usd_per_month'])),
        },
        source: `${SNAPSHOTS.gcp.label} (on-demand and spot $/h; 1-/3-year CUD $/month ÷ ${HOURS_PER_MONTH} h)`,
        asOf: SNAPSHOTS.gcp.asOf,
      });
    }
  }
  return out;
}

function skyPilotInstances(skip: (reason: string) => void): InstanceInput[] {
  const out: InstanceInput[] = [];
  for (const row of referenceCsv(SNAPSHOTS.skypilot.file)) {
    const cloud = row['cloud'] ?? '';
    const type = row['instance_type'] ?? '';
    const region = row['region'] ?? '';
    const shape =
      SKYPILOT_SHAPES[cloud]?.[type] ?? (cloud === 'nebius' ? nebiusL40s(type) : undefined);
    const onDemand = cellNumber(row['price_usd_per_hr']);
    if (shape === undefined) skip(`${cloud}: GPU not in catalog`);
    else if (cloud === 'lambda' && !LAMBDA_REGIONS.has(region))
      skip('lambda: region location unknown');
    else if (onDemand === undefined || onDemand <= 0) skip(`${cloud}: no price`);
    else {
      const spotCell = cellNumber(row['spot_price_usd_per_hr']);
      // Where the source repeats the on-demand price as spot, there is no spot offer.
      const spot =
        spotCell !== undefined && spotCell > 0 && spotCell < onDemand ? spotCell : undefined;
      const notes = [
        `${SNAPSHOTS.skypilot.label} ${row['source_path'] ?? ''} blob ${(row['source_blob_commit'] ?? '').slice(0, 8)}`,
        cloud === 'azure' ? 'older v6 catalog, undated: prices may predate asOf' : undefined,
        cloud === 'lambda'
          ? 'Lambda lists every type in every region at one price (a listing, not availability)'
          : undefined,
        cloud === 'oci' ? 'price per shape-hour, the same in every OCI region' : undefined,
        shape.note,
      ].filter((n): n is string => n !== undefined);
      out.push({
        id: `${cloud}:${type.toLowerCase()}:${region}`,
        cloud,
        instanceType: type,
        gpuId: shape.gpuId,
        gpuCount: shape.gpuCount,
        regionId: `${cloud}:${region}`,
        vcpus: cellNumber(row['vcpus']),
        memoryGiB: cellNumber(row['memory_gib']),
        usdPerHour: { onDemand, spot },
        source: notes.join('; '),
        asOf: SNAPSHOTS.skypilot.asOf,
      });
    }
  }
  return out;
}

/** Every instance row, and what was left out by reason. */
export function seedInstances(): SeedInstances {
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const rows = [...awsInstances(skip), ...gcpInstances(skip), ...skyPilotInstances(skip)];
  return { rows, skipped };
}
