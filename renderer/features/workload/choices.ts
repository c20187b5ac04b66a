import { PRECISIONS, type Precision, type ResidencyZone } from '../../../core/schema/common.ts';

/** Residency zones as people say them. */
export const ZONE_LABELS: Record<ResidencyZone, string> = {
  us: 'US',
  eu: 'EU',
  uk: 'UK',
  apac: 'APAC',
  ca: 'Canada',
  latam: 'LatAm',
  mea: 'MEA',
  global: 'Global',
};

/** Weight precisions as menus and chips show them (FP8, INT4, …). */
export const PRECISION_OPTIONS: readonly { value: Precision; label: string }[] = PRECISIONS.map(
  (p) => ({ value: p, label: p.toUpperCase() }),
);

/** The allowed zones with one zone switched on or off (none: anywhere). */
export function toggledZones(
  residency: readonly ResidencyZone[],
  zone: ResidencyZone,
): ResidencyZone[] {
  return residency.includes(zone) ? residency.filter((z) => z !== zone) : [...residency, zone];
}
