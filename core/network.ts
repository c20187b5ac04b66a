const EARTH_RADIUS_KM = 6371;

/** Great-circle distance between two points in km (haversine). */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Network round trip for a request, ms: light in fibre covers ~200 km per ms one way, routes run
 * ~1.5× the great-circle distance, plus ~5 ms of access network and TLS-terminated proxies.
 */
export function networkRttMs(distanceKm: number): number {
  return 5 + (2 * 1.5 * distanceKm) / 200;
}
