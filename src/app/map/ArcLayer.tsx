import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { arcLatLngs } from './geometry.ts';
import { featureColour } from './symbols.ts';

/** Beyond this many arcs the map is a hairball; the legend notes the cap. */
export const MAX_ARCS = 1500;

const ARC_STYLE = { weight: 2, opacity: 0.8, dashArray: '6 5', interactive: false } as const;
const ORIGIN_STYLE = { radius: 3, weight: 1, fillColor: '#fff', fillOpacity: 1, interactive: false } as const;

interface ColourLayers {
  arcs: L.Polyline;
  /** The routes `arcs` holds (cached arrays, so unchanged routes compare equal). */
  paths: L.LatLng[][];
  /** One dot per distinct launch point, keyed by its coordinates. */
  origins: Map<string, L.CircleMarker>;
}

/**
 * Origin → target great-circle arcs for strikes whose launch point the article gives.
 *
 * Drawn as one dashed multi-polyline per actor colour, with one dot per launch point: a filter
 * change resets a few paths instead of adding and removing two layers per strike, and many
 * strikes share a route (the same launch site and target), whose great circle is computed once.
 */
export function ArcLayer({ strikes, palette, group }: { strikes: NewsmapFeature[]; palette: ReadonlyMap<string, string>; group: L.LayerGroup | null }) {
  const map = useMap();
  const routes = useRef(new Map<string, L.LatLng[]>());
  const layers = useRef(new Map<string, ColourLayers>());

  useEffect(() => {
    if (!group) return;
    const wanted = new Map<string, { paths: L.LatLng[][]; origins: Map<string, [number, number]> }>();
    let shown = 0;
    for (const f of strikes) {
      if (shown === MAX_ARCS) break;
      const origin = f.properties.origin;
      if (origin === null || f.geometry.type !== 'Point') continue;
      const target = f.geometry.coordinates;
      const key = `${origin[0]},${origin[1]},${target[0]},${target[1]}`;
      let path = routes.current.get(key);
      if (path === undefined) {
        // LatLng objects, not pairs: Leaflet would convert pairs again at every setLatLngs.
        path = arcLatLngs(origin, target).map(([lat, lon]) => L.latLng(lat, lon));
        routes.current.set(key, path);
      }
      if (path.length === 0) continue;
      const colour = featureColour(f.properties, palette);
      let entry = wanted.get(colour);
      if (!entry) wanted.set(colour, (entry = { paths: [], origins: new Map() }));
      entry.paths.push(path);
      entry.origins.set(`${origin[0]},${origin[1]}`, origin);
      shown++;
    }

    for (const [colour, drawn] of layers.current) {
      if (wanted.has(colour)) continue;
      group.removeLayer(drawn.arcs);
      for (const dot of drawn.origins.values()) group.removeLayer(dot);
      layers.current.delete(colour);
    }
    for (const [colour, { paths, origins }] of wanted) {
      let drawn = layers.current.get(colour);
      if (!drawn) {
        drawn = { arcs: L.polyline(paths, { ...ARC_STYLE, color: colour }), paths, origins: new Map() };
        layers.current.set(colour, drawn);
        group.addLayer(drawn.arcs);
      } else if (!samePaths(drawn.paths, paths)) {
        // Re-projects every vertex of this colour's arcs: skipped when its routes did not change.
        drawn.arcs.setLatLngs(paths);
        drawn.paths = paths;
      }
      for (const [key, dot] of drawn.origins) {
        if (origins.has(key)) continue;
        group.removeLayer(dot);
        drawn.origins.delete(key);
      }
      for (const [key, [lon, lat]] of origins) {
        if (drawn.origins.has(key)) continue;
        const dot = L.circleMarker([lat, lon], { ...ORIGIN_STYLE, color: colour });
        drawn.origins.set(key, dot);
        group.addLayer(dot);
      }
    }
    // Arcs are canvas paths: tests read how many are drawn here.
    map.getContainer().dataset.arcsShown = String(shown);
  }, [strikes, palette, group, map]);

  useEffect(
    () => () => {
      for (const drawn of layers.current.values()) {
        group?.removeLayer(drawn.arcs);
        for (const dot of drawn.origins.values()) group?.removeLayer(dot);
      }
      layers.current.clear();
    },
    [group],
  );

  return null;
}

function samePaths(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}
