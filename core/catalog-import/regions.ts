import type { ResidencyZone } from '../schema/common.ts';

/**
 * The residency zone of a hyperscaler region code, from the code's own geography prefix. AWS
 * `eu-west-2` and GCP `europe-west2` are London (uk); Israel and the Gulf are 'mea'.
 * Returns undefined for a code it does not recognise.
 */
export function residencyOfRegion(cloud: string, code: string): ResidencyZone | undefined {
  if (cloud === 'aws') return awsZone(code);
  if (cloud === 'gcp') return gcpZone(code);
  if (cloud === 'azure') return azureZone(code);
  return undefined;
}

function awsZone(code: string): ResidencyZone | undefined {
  if (code === 'eu-west-2') return 'uk';
  if (code === 'mx-central-1') return 'latam';
  const prefix = code.split('-')[0];
  const zones: Record<string, ResidencyZone> = {
    us: 'us',
    ca: 'ca',
    eu: 'eu',
    ap: 'apac',
    sa: 'latam',
    me: 'mea',
    af: 'mea',
    il: 'mea',
  };
  return prefix === undefined || !Object.hasOwn(zones, prefix) ? undefined : zones[prefix];
}

function gcpZone(code: string): ResidencyZone | undefined {
  if (code === 'europe-west2') return 'uk';
  if (code.startsWith('northamerica-northeast')) return 'ca';
  if (code.startsWith('northamerica-south') || code.startsWith('southamerica-')) return 'latam';
  if (code.startsWith('us-')) return 'us';
  if (code.startsWith('europe-')) return 'eu';
  if (code.startsWith('asia-') || code.startsWith('australia-')) return 'apac';
  if (code.startsWith('me-') || code.startsWith('africa-')) return 'mea';
  return undefined;
}

function azureZone(code: string): ResidencyZone | undefined {
  if (/^(east|west|central|northcentral|southcentral|westcentral)us\d?$/.test(code)) return 'us';
  if (code.startsWith('uk')) return 'uk';
  if (code.startsWith('canada')) return 'ca';
  if (code.startsWith('brazil') || code.startsWith('mexico')) return 'latam';
  if (
    /^(north|west)europe$|^(france|germany|sweden|switzerland|norway|italy|poland|spain)/.test(code)
  )
    return 'eu';
  if (/^(uae|qatar|israel|southafrica)/.test(code)) return 'mea';
  if (
    /^(japan|korea|australia|southeastasia|eastasia|india|centralindia|southindia|westindia)/.test(
      code,
    )
  )
    return 'apac';
  return undefined;
}
