/** Great-circle distance in metres (haversine): how far the check-in was from the site's pin. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "35 m", "1.2 km". */
export function formatDistance(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(1)} km`;
}

/** A `geo:` URI (opens the phone's maps app) and a web map link for the same point. */
export function mapLinks(point: { lat: number; lng: number }, label: string): { geo: string; web: string } {
  const lat = point.lat.toFixed(6);
  const lng = point.lng.toFixed(6);
  return {
    geo: `geo:${lat},${lng}?q=${lat},${lng}(${encodeURIComponent(label)})`,
    web: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`,
  };
}
