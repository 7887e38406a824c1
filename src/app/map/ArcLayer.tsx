import { useEffect, useRef } from 'react';
import L from 'leaflet';
import type { NewsmapFeature } from '../../core/geojson/schema.ts';
import { arcLatLngs } from './geometry.ts';
import { featureColour } from './symbols.ts';

/** Beyond this many arcs the map is a hairball; the legend notes the cap. */
export const MAX_ARCS = 1500;

/** Origin → target great-circle arcs for strikes whose launch point the article gives. */
export function ArcLayer({ strikes, palette, group }: { strikes: NewsmapFeature[]; palette: ReadonlyMap<string, string>; group: L.LayerGroup | null }) {
  const layers = useRef(new Map<string, L.LayerGroup>());

  useEffect(() => {
    if (!group) return;
    const withOrigin = strikes.filter((f) => f.properties.origin !== null && f.geometry.type === 'Point').slice(0, MAX_ARCS);
    const wanted = new Set(withOrigin.map((f) => f.id));
    for (const [id, layer] of layers.current) {
      if (!wanted.has(id)) {
        group.removeLayer(layer);
        layers.current.delete(id);
      }
    }
    for (const f of withOrigin) {
      if (layers.current.has(f.id) || f.geometry.type !== 'Point') continue;
      const origin = f.properties.origin!;
      const colour = featureColour(f.properties, palette);
      const path = arcLatLngs(origin, f.geometry.coordinates);
      const arc = L.layerGroup([
        L.polyline(path, { color: colour, weight: 2, opacity: 0.8, dashArray: '6 5', interactive: false }),
        L.circleMarker([origin[1], origin[0]], { radius: 3, color: colour, weight: 1, fillColor: '#fff', fillOpacity: 1, interactive: false }),
      ]);
      layers.current.set(f.id, arc);
      group.addLayer(arc);
    }
  }, [strikes, palette, group]);

  return null;
}
