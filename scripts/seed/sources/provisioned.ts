/**
 * Provisioned throughput on hosted-API offerings, from curated/provisioned.json (facts copied from
 * Azure's and Google's documentation, each with its source and date): an Azure offering gets its
 * deployment type's PTU prices (global, or data zone for the EU and US data-zone offerings) and
 * its model's PTU capacity; a Vertex offering on the global endpoint gets the GSU prices and its
 * model's GSU capacity. Bedrock publishes neither for current models, so none is attached.
 */
import type { z } from 'zod';
import type { Offering } from '../../../core/schema/catalog.ts';
import type { ProvisionedPrice, ProvisionedThroughput } from '../../../core/schema/procurement.ts';
import { curatedJson } from '../curated-json.ts';

type OfferingInput = z.input<typeof Offering>;

interface CuratedModel {
  modelId: string;
  documentName: string;
  inputTokensPerMinutePerUnit: number;
  outputTokenWeight: number;
  cachedInputWeight?: number;
  minUnits: number;
  unitIncrement: number;
  source: string;
  asOf: string;
}

interface CuratedVendor {
  unit: ProvisionedThroughput['unit'];
  cachedInputWeight?: number;
  deployments: Record<string, { residency: string[]; prices: ProvisionedPrice[] }>;
  models: CuratedModel[];
}

const PROVIDERS = { azure: 'azure', vertex: 'vertex' } as const;

/** The offerings with provisioned throughput attached where the curated facts cover them. */
export function withProvisioned(offerings: OfferingInput[]): OfferingInput[] {
  const curated = curatedJson('provisioned.json') as Record<keyof typeof PROVIDERS, CuratedVendor>;
  return offerings.map((o) => {
    const vendor = o.provider in PROVIDERS ? curated[o.provider as keyof typeof PROVIDERS] : null;
    // Regional endpoints are priced differently and not stated precisely: only the vendor-wide ones.
    if (vendor === null || o.regionId !== undefined) return o;
    const model = vendor.models.find((m) => m.modelId === o.modelId);
    const deployment = Object.entries(vendor.deployments).find(([, d]) =>
      d.residency.includes(o.residency),
    );
    if (model === undefined || deployment === undefined) return o;
    const [name, { prices }] = deployment;
    const provisioned: z.input<typeof ProvisionedThroughput> = {
      unit: vendor.unit,
      deployment: name,
      inputTokensPerMinutePerUnit: model.inputTokensPerMinutePerUnit,
      outputTokenWeight: model.outputTokenWeight,
      cachedInputWeight: model.cachedInputWeight ?? vendor.cachedInputWeight ?? 1,
      minUnits: model.minUnits,
      unitIncrement: model.unitIncrement,
      prices,
      source: `${model.documentName}: ${model.source}`,
      asOf: model.asOf,
    };
    return { ...o, provisioned };
  });
}
