/** Where users may be, for the network round trip added to TTFT (city centres). */
export const USER_LOCATIONS = [
  { id: 'new-york', label: 'New York', latitude: 40.71, longitude: -74.01 },
  { id: 'san-francisco', label: 'San Francisco', latitude: 37.77, longitude: -122.42 },
  { id: 'chicago', label: 'Chicago', latitude: 41.88, longitude: -87.63 },
  { id: 'toronto', label: 'Toronto', latitude: 43.65, longitude: -79.38 },
  { id: 'sao-paulo', label: 'São Paulo', latitude: -23.55, longitude: -46.63 },
  { id: 'london', label: 'London', latitude: 51.51, longitude: -0.13 },
  { id: 'frankfurt', label: 'Frankfurt', latitude: 50.11, longitude: 8.68 },
  { id: 'paris', label: 'Paris', latitude: 48.86, longitude: 2.35 },
  { id: 'stockholm', label: 'Stockholm', latitude: 59.33, longitude: 18.07 },
  { id: 'johannesburg', label: 'Johannesburg', latitude: -26.2, longitude: 28.05 },
  { id: 'dubai', label: 'Dubai', latitude: 25.2, longitude: 55.27 },
  { id: 'mumbai', label: 'Mumbai', latitude: 19.08, longitude: 72.88 },
  { id: 'singapore', label: 'Singapore', latitude: 1.35, longitude: 103.82 },
  { id: 'tokyo', label: 'Tokyo', latitude: 35.68, longitude: 139.69 },
  { id: 'sydney', label: 'Sydney', latitude: -33.87, longitude: 151.21 },
] as const;

/** The listed city at a location, if it is one of them. */
export function locationId(loc: { latitude: number; longitude: number } | undefined): string {
  if (loc === undefined) return 'none';
  return (
    USER_LOCATIONS.find((l) => l.latitude === loc.latitude && l.longitude === loc.longitude)?.id ??
    'custom'
  );
}
