/**
 * Regions: every region an instance or an offering uses. Names come from the reference region
 * lists where they have one; coordinates (city level) and countries are the curator's knowledge of
 * where each provider says the region is; grid carbon intensity comes from Cloud Carbon Footprint
 * (AWS, Azure) and Google's own region-carbon data (GCP, latest year); PUE is CCF's per-provider
 * average.
 */
import type { z } from 'zod';
import { residencyOfRegion } from '../../../core/catalog-import/regions.ts';
import type { Region } from '../../../core/schema/catalog.ts';
import type { ResidencyZone } from '../../../core/schema/common.ts';
import { CURATED_ON, SNAPSHOTS, cellNumber, referenceCsv } from './reference.ts';

type RegionInput = z.input<typeof Region>;

/** Where a region is: display name, ISO country, city-level latitude/longitude. */
type Place = [name: string, country: string, latitude: number, longitude: number];

const PLACES: Record<string, Place> = {
  'aws:us-east-1': ['US East (N. Virginia)', 'US', 39.04, -77.49],
  'aws:us-east-2': ['US East (Ohio)', 'US', 39.96, -83.0],
  'aws:us-west-1': ['US West (N. California)', 'US', 37.34, -121.89],
  'aws:us-west-2': ['US West (Oregon)', 'US', 45.84, -119.7],
  'aws:us-gov-east-1': ['AWS GovCloud (US-East), Ohio', 'US', 39.96, -83.0],
  'aws:us-gov-west-1': ['AWS GovCloud (US-West), Oregon', 'US', 45.84, -119.7],
  'aws:ca-central-1': ['Canada (Central), Montréal', 'CA', 45.5, -73.57],
  'aws:eu-west-1': ['Europe (Ireland), Dublin', 'IE', 53.35, -6.26],
  'aws:eu-west-2': ['Europe (London)', 'GB', 51.51, -0.13],
  'aws:eu-west-3': ['Europe (Paris)', 'FR', 48.86, 2.35],
  'aws:eu-central-1': ['Europe (Frankfurt)', 'DE', 50.11, 8.68],
  'aws:eu-central-2': ['Europe (Zurich)', 'CH', 47.37, 8.54],
  'aws:eu-north-1': ['Europe (Stockholm)', 'SE', 59.33, 18.07],
  'aws:eu-south-1': ['Europe (Milan)', 'IT', 45.46, 9.19],
  'aws:eu-south-2': ['Europe (Spain), Aragón', 'ES', 41.65, -0.88],
  'aws:ap-northeast-1': ['Asia Pacific (Tokyo)', 'JP', 35.68, 139.69],
  'aws:ap-northeast-2': ['Asia Pacific (Seoul)', 'KR', 37.57, 126.98],
  'aws:ap-northeast-3': ['Asia Pacific (Osaka)', 'JP', 34.69, 135.5],
  'aws:ap-southeast-1': ['Asia Pacific (Singapore)', 'SG', 1.35, 103.82],
  'aws:ap-southeast-2': ['Asia Pacific (Sydney)', 'AU', -33.87, 151.21],
  'aws:ap-southeast-3': ['Asia Pacific (Jakarta)', 'ID', -6.21, 106.85],
  'aws:ap-southeast-5': ['Asia Pacific (Malaysia), Kuala Lumpur', 'MY', 3.14, 101.69],
  'aws:ap-south-1': ['Asia Pacific (Mumbai)', 'IN', 19.08, 72.88],
  'aws:ap-south-2': ['Asia Pacific (Hyderabad)', 'IN', 17.39, 78.49],
  'aws:ap-east-1': ['Asia Pacific (Hong Kong)', 'HK', 22.32, 114.17],
  'aws:sa-east-1': ['South America (São Paulo)', 'BR', -23.55, -46.63],
  'aws:me-south-1': ['Middle East (Bahrain)', 'BH', 26.07, 50.56],
  'aws:me-central-1': ['Middle East (UAE)', 'AE', 25.2, 55.27],
  'aws:af-south-1': ['Africa (Cape Town)', 'ZA', -33.92, 18.42],
  'aws:il-central-1': ['Israel (Tel Aviv)', 'IL', 32.09, 34.78],

  'gcp:africa-south1': ['Johannesburg', 'ZA', -26.2, 28.05],
  'gcp:asia-east1': ['Taiwan (Changhua County)', 'TW', 24.07, 120.54],
  'gcp:asia-east2': ['Hong Kong', 'HK', 22.32, 114.17],
  'gcp:asia-northeast1': ['Tokyo', 'JP', 35.68, 139.69],
  'gcp:asia-northeast2': ['Osaka', 'JP', 34.69, 135.5],
  'gcp:asia-northeast3': ['Seoul', 'KR', 37.57, 126.98],
  'gcp:asia-south1': ['Mumbai', 'IN', 19.08, 72.88],
  'gcp:asia-south2': ['Delhi', 'IN', 28.61, 77.21],
  'gcp:asia-southeast1': ['Singapore', 'SG', 1.35, 103.82],
  'gcp:asia-southeast2': ['Jakarta', 'ID', -6.21, 106.85],
  'gcp:asia-southeast3': ['Bangkok', 'TH', 13.76, 100.5],
  'gcp:australia-southeast1': ['Sydney', 'AU', -33.87, 151.21],
  'gcp:australia-southeast2': ['Melbourne', 'AU', -37.81, 144.96],
  'gcp:europe-central2': ['Warsaw', 'PL', 52.23, 21.01],
  'gcp:europe-north1': ['Finland (Hamina)', 'FI', 60.57, 27.2],
  'gcp:europe-north2': ['Stockholm', 'SE', 59.33, 18.07],
  'gcp:europe-southwest1': ['Madrid', 'ES', 40.42, -3.7],
  'gcp:europe-west1': ['Belgium (St. Ghislain)', 'BE', 50.47, 3.82],
  'gcp:europe-west10': ['Berlin', 'DE', 52.52, 13.4],
  'gcp:europe-west12': ['Turin', 'IT', 45.07, 7.69],
  'gcp:europe-west2': ['London', 'GB', 51.51, -0.13],
  'gcp:europe-west3': ['Frankfurt', 'DE', 50.11, 8.68],
  'gcp:europe-west4': ['Netherlands (Eemshaven)', 'NL', 53.44, 6.83],
  'gcp:europe-west6': ['Zurich', 'CH', 47.37, 8.54],
  'gcp:europe-west8': ['Milan', 'IT', 45.46, 9.19],
  'gcp:europe-west9': ['Paris', 'FR', 48.86, 2.35],
  'gcp:me-central1': ['Doha', 'QA', 25.29, 51.53],
  'gcp:me-central2': ['Dammam', 'SA', 26.43, 50.1],
  'gcp:me-west1': ['Tel Aviv', 'IL', 32.09, 34.78],
  'gcp:northamerica-northeast1': ['Montréal', 'CA', 45.5, -73.57],
  'gcp:northamerica-northeast2': ['Toronto', 'CA', 43.65, -79.38],
  'gcp:northamerica-south1': ['Mexico (Querétaro)', 'MX', 20.59, -100.39],
  'gcp:southamerica-east1': ['São Paulo', 'BR', -23.55, -46.63],
  'gcp:southamerica-west1': ['Santiago', 'CL', -33.45, -70.67],
  'gcp:us-central1': ['Iowa (Council Bluffs)', 'US', 41.26, -95.86],
  'gcp:us-east1': ['South Carolina (Moncks Corner)', 'US', 33.2, -80.01],
  'gcp:us-east4': ['Northern Virginia (Ashburn)', 'US', 39.04, -77.49],
  'gcp:us-east5': ['Columbus', 'US', 39.96, -83.0],
  'gcp:us-south1': ['Dallas', 'US', 32.78, -96.8],
  'gcp:us-west1': ['Oregon (The Dalles)', 'US', 45.59, -121.18],
  'gcp:us-west2': ['Los Angeles', 'US', 34.05, -118.24],
  'gcp:us-west3': ['Salt Lake City', 'US', 40.76, -111.89],
  'gcp:us-west4': ['Las Vegas', 'US', 36.17, -115.14],

  'azure:eastus': ['East US (Virginia)', 'US', 36.67, -78.39],
  'azure:eastus2': ['East US 2 (Virginia)', 'US', 36.67, -78.39],
  'azure:westus': ['West US (California)', 'US', 37.78, -122.42],
  'azure:westus2': ['West US 2 (Washington)', 'US', 47.23, -119.85],
  'azure:westus3': ['West US 3 (Arizona)', 'US', 33.45, -112.07],
  'azure:centralus': ['Central US (Iowa)', 'US', 41.59, -93.62],
  'azure:northcentralus': ['North Central US (Illinois)', 'US', 41.88, -87.63],
  'azure:southcentralus': ['South Central US (Texas)', 'US', 29.42, -98.49],

  'lambda:us-east-1': ['Virginia, USA', 'US', 39.04, -77.49],
  'lambda:us-west-1': ['California, USA', 'US', 37.77, -122.42],
  'lambda:us-west-2': ['Arizona, USA', 'US', 33.45, -112.07],
  'lambda:us-west-3': ['Utah, USA', 'US', 40.76, -111.89],
  'lambda:us-south-1': ['Texas, USA', 'US', 32.78, -96.8],
  'lambda:us-midwest-1': ['Illinois, USA', 'US', 41.88, -87.63],
  'lambda:europe-central-1': ['Germany', 'DE', 50.11, 8.68],
  'lambda:asia-south-1': ['India', 'IN', 19.08, 72.88],
  'lambda:asia-northeast-1': ['Japan', 'JP', 35.68, 139.69],
  'lambda:asia-northeast-2': ['South Korea', 'KR', 37.57, 126.98],
  'lambda:australia-east-1': ['Australia', 'AU', -33.87, 151.21],
  'lambda:me-west-1': ['Israel', 'IL', 32.09, 34.78],

  'nebius:eu-north1': ['Finland (Mäntsälä)', 'FI', 60.63, 25.32],
  'nebius:eu-west1': ['Paris', 'FR', 48.86, 2.35],
  'nebius:us-central1': ['Kansas City, USA', 'US', 39.1, -94.58],

  'oci:af-casablanca-1': ['Morocco (Casablanca)', 'MA', 33.57, -7.59],
};

/** Residency of regions whose code carries no hyperscaler geography prefix. */
function residencyOf(cloud: string, code: string, country: string): ResidencyZone {
  const fromCode = residencyOfRegion(cloud, code);
  if (fromCode !== undefined) return fromCode;
  const zones: Record<string, ResidencyZone> = {
    US: 'us',
    CA: 'ca',
    GB: 'uk',
    DE: 'eu',
    FR: 'eu',
    FI: 'eu',
    IN: 'apac',
    JP: 'apac',
    KR: 'apac',
    AU: 'apac',
    IL: 'mea',
    MA: 'mea',
  };
  return zones[country] ?? 'global';
}

/** CCF average data-centre PUE per provider. */
const PUE: Record<string, number> = { aws: 1.135, azure: 1.185, gcp: 1.1 };

/** Grid intensity by region id: CCF's location-based factors, then Google's own for GCP. */
function gridIntensities(): Map<string, { gco2: number; source: string; asOf: string }> {
  const out = new Map<string, { gco2: number; source: string; asOf: string }>();
  for (const row of referenceCsv(SNAPSHOTS.ccf.file)) {
    const provider = row['provider'] ?? '';
    const value = cellNumber(row['gco2e_per_kwh']);
    if (provider === 'gcp' || value === undefined || !(row['factor_kind'] ?? '').startsWith('grid'))
      continue;
    out.set(`${provider}:${(row['region'] ?? '').toLowerCase()}`, {
      gco2: value,
      source: `grid ${SNAPSHOTS.ccf.label} ${SNAPSHOTS.ccf.file}`,
      asOf: SNAPSHOTS.ccf.asOf,
    });
  }
  const latestYear = new Map<string, number>();
  for (const row of referenceCsv(SNAPSHOTS.gcpCarbon.file)) {
    const region = row['gcp_region'] ?? '';
    const year = cellNumber(row['year']);
    const value = cellNumber(row['grid_carbon_intensity_gco2eq_per_kwh']);
    if (year === undefined || value === undefined || (latestYear.get(region) ?? 0) > year) continue;
    latestYear.set(region, year);
    out.set(`gcp:${region}`, {
      gco2: value,
      source: `grid ${SNAPSHOTS.gcpCarbon.label} ${SNAPSHOTS.gcpCarbon.file} (${year})`,
      asOf: SNAPSHOTS.gcpCarbon.asOf,
    });
  }
  return out;
}

/** Region display names from the reference region lists (the AWS list dates from 2021). */
function listedNames(): Map<string, { name: string; file: string }> {
  const out = new Map<string, { name: string; file: string }>();
  for (const row of referenceCsv('aws_regions_jsonmaur.csv')) {
    out.set(`aws:${row['region_code'] ?? ''}`, {
      name: row['full_name'] ?? '',
      file: 'aws_regions_jsonmaur.csv',
    });
  }
  for (const row of referenceCsv('gcp_regions_cyclenerd.csv')) {
    out.set(`gcp:${row['region'] ?? ''}`, {
      name: row['location'] ?? '',
      file: 'gcp_regions_cyclenerd.csv',
    });
  }
  return out;
}

/** A region row for each id used; throws naming an id the seed cannot place. */
export function seedRegions(usedRegionIds: Iterable<string>): RegionInput[] {
  const grid = gridIntensities();
  const names = listedNames();
  const rows: RegionInput[] = [];
  for (const id of [...new Set(usedRegionIds)].sort()) {
    const place = PLACES[id];
    if (place === undefined)
      throw new Error(`region ${id} is used but has no location in regions.ts`);
    const [placeName, country, latitude, longitude] = place;
    const listed = names.get(id);
    const name = listed !== undefined && listed.name !== '' ? listed.name : placeName;
    const [cloud = '', code = ''] = id.split(':');
    const carbon = grid.get(id);
    const pue = PUE[cloud];
    rows.push({
      id,
      cloud,
      code,
      name,
      country,
      latitude,
      longitude,
      residency: residencyOf(cloud, code, country),
      gridGCo2PerKwh: carbon?.gco2,
      pue,
      source: [
        listed === undefined ? undefined : `name: ${listed.file}`,
        "location: curator's knowledge of the provider's region page (city level)",
        carbon?.source,
        pue === undefined ? undefined : `PUE: ${SNAPSHOTS.ccf.label} ${cloud} average`,
      ]
        .filter((s): s is string => s !== undefined)
        .join('; '),
      asOf: carbon?.asOf ?? (pue === undefined ? CURATED_ON : SNAPSHOTS.ccf.asOf),
    });
  }
  return rows;
}
