import { useEffect, useMemo, useRef } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { NewsmapFeature } from '../../core/geojson/schema.ts';
import { buildPointIndex, CLUSTER_MAX_ZOOM, type PointIndex } from './clusterIndex.ts';
import { ShapeMarker } from './ShapeMarker.ts';
import { featureColour, isCoarse, KIND_RADIUS, KIND_SHAPE, UNCERTAINTY_RADIUS_M } from './symbols.ts';
import { tooltipElement } from './featureTooltip.ts';

interface Props {
  /** Which layer this is: strikes, bases and other places cluster separately. */
  layer: 'strike' | 'base' | 'place';
  /** Filtered Point features of that kind. */
  points: NewsmapFeature[];
  palette: ReadonlyMap<string, string>;
  /** Where uncertainty rings go (a layers-control overlay); null = no rings. */
  ringGroup: L.LayerGroup | null;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
  /** A cluster whose members share one spot (it cannot split by zooming). */
  onStack: (ids: string[], latlng: L.LatLng) => void;
}

interface PointLayers {
  marker: ShapeMarker;
  ring: L.Circle | null;
}

/** Cap on cached per-feature layers, so a long pan session over 100k events stays bounded. */
const CACHE_LIMIT = 20_000;

/**
 * Draws only what the viewport needs: supercluster answers "what is visible at this zoom", and
 * layers are kept per feature id and diffed, so a filter change or a pan adds and removes a few
 * hundred canvas layers instead of rebuilding every layer.
 */
export function PointLayer({ layer, points, palette, ringGroup, onSelect, onHover, onStack }: Props) {
  const map = useMap();
  const index = useMemo<PointIndex>(() => buildPointIndex(points), [points]);
  // Callbacks in refs: the imperative layers are created once and must always call the latest.
  const handlers = useRef({ onSelect, onHover, onStack });
  handlers.current = { onSelect, onHover, onStack };

  const state = useRef<{
    group: L.LayerGroup;
    ringGroup: L.LayerGroup | null;
    cache: Map<string, PointLayers>;
    clusters: Map<string, L.Marker>;
    shown: Set<string>;
    palette: ReadonlyMap<string, string> | null;
  } | null>(null);

  if (state.current === null) {
    state.current = { group: L.layerGroup(), ringGroup: null, cache: new Map(), clusters: new Map(), shown: new Set(), palette: null };
  }

  useEffect(() => {
    const s = state.current!;
    s.group.addTo(map);
    return () => {
      s.group.remove();
    };
  }, [map]);

  useEffect(() => {
    const s = state.current!;
    if (s.palette !== palette || s.ringGroup !== ringGroup) {
      // A new corpus (new colours) or ring container: cached layers are stale, start afresh.
      s.group.clearLayers();
      // The ring group is shared with the other point layers: remove only our own rings.
      for (const { ring } of s.cache.values()) if (ring) s.ringGroup?.removeLayer(ring);
      s.ringGroup = ringGroup;
      s.cache.clear();
      s.clusters.clear();
      s.shown = new Set();
      s.palette = palette;
    }
    const layersFor = (f: NewsmapFeature): PointLayers => {
      let entry = s.cache.get(f.id);
      if (entry) return entry;
      const p = f.properties;
      const kind = p.kind === 'pipeline' ? 'place' : p.kind;
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const colour = featureColour(p, palette);
      const coarse = isCoarse(p.geo_precision);
      const marker = new ShapeMarker([lat, lon], {
        shape: KIND_SHAPE[kind],
        radius: KIND_RADIUS[kind],
        color: kind === 'place' ? '#ffffff' : '#1b1b1b',
        weight: kind === 'place' ? 1 : 1.2,
        fillColor: colour,
        fillOpacity: 0.95,
        // Hollow = "somewhere around here": the outline carries the colour, the inside is empty.
        ...(coarse ? { fill: true, fillOpacity: 0, color: colour, weight: kind === 'place' ? 1.5 : 2.5 } : {}),
        bubblingMouseEvents: false,
      });
      marker.bindTooltip(() => tooltipElement(f), { direction: 'top', offset: [0, -6] });
      marker.on('click', () => handlers.current.onSelect(f.id));
      marker.on('mouseover', () => handlers.current.onHover(f.id));
      marker.on('mouseout', () => handlers.current.onHover(null));
      const radius = UNCERTAINTY_RADIUS_M[p.geo_precision];
      const ring =
        coarse && kind !== 'place'
          ? L.circle([lat, lon], {
              radius,
              color: colour,
              weight: 1,
              dashArray: '4 4',
              fillColor: colour,
              fillOpacity: 0.06,
              interactive: false,
            })
          : null;
      entry = { marker, ring };
      if (s.cache.size > CACHE_LIMIT) s.cache.clear();
      s.cache.set(f.id, entry);
      return entry;
    };

    const clusterMarker = (key: string, count: number, strikes: number, lat: number, lon: number, clusterId: number) => {
      const label = document.createElement('span');
      label.textContent = count >= 10_000 ? `${Math.round(count / 1000)}k` : count >= 1000 ? `${(count / 1000).toFixed(1)}k` : String(count);
      const size = count < 10 ? 28 : count < 100 ? 34 : count < 1000 ? 40 : 46;
      const small = layer === 'place' ? 8 : 0;
      const marker = L.marker([lat, lon], {
        icon: L.divIcon({
          className: `cluster cluster--${layer}`,
          html: label,
          iconSize: [size - small, size - small],
        }),
        title: `${count} ${layer === 'strike' ? 'strikes' : layer === 'base' ? 'bases' : 'other places'}${strikes > 0 && layer !== 'strike' ? `, ${strikes} strikes` : ''} — click to zoom in`,
        keyboard: false,
        // Strikes above bases above places when clusters overlap.
        zIndexOffset: layer === 'strike' ? 300 : layer === 'base' ? 200 : 0,
      });
      marker.on('click', () => {
        const expansion = index.getClusterExpansionZoom(clusterId);
        if (expansion > CLUSTER_MAX_ZOOM) {
          // Every member sits on (nearly) the same spot: zooming cannot separate them, list them.
          const ids = index.getLeaves(clusterId, 200).map((leaf) => points[leaf.properties.i]!.id);
          handlers.current.onStack(ids, L.latLng(lat, lon));
        } else {
          map.flyTo([lat, lon], expansion, { duration: 0.5 });
        }
      });
      s.clusters.set(key, marker);
      return marker;
    };

    const sync = () => {
      const t0 = performance.now();
      const zoom = Math.round(map.getZoom());
      const b = map.getBounds().pad(0.25);
      const west = Math.max(-180, b.getWest());
      const east = Math.min(180, b.getEast());
      const south = Math.max(-85, b.getSouth());
      const north = Math.min(85, b.getNorth());
      const items = index.getClusters([west, south, east, north], zoom);
      const next = new Set<string>();
      let represented = 0;
      for (const item of items) {
        const [lon, lat] = item.geometry.coordinates as [number, number];
        if ('cluster' in item.properties && item.properties.cluster) {
          const key = `c:${item.properties.cluster_id}:${item.properties.point_count}:${lon.toFixed(5)},${lat.toFixed(5)}`;
          next.add(key);
          represented += item.properties.point_count;
          if (!s.shown.has(key)) {
            const m = s.clusters.get(key) ?? clusterMarker(key, item.properties.point_count, item.properties.strike, lat, lon, item.properties.cluster_id);
            s.group.addLayer(m);
          }
        } else {
          const f = points[(item.properties as { i: number }).i]!;
          next.add(f.id);
          represented += 1;
          if (!s.shown.has(f.id)) {
            const { marker, ring } = layersFor(f);
            s.group.addLayer(marker);
            if (ring) s.ringGroup?.addLayer(ring);
          }
        }
      }
      for (const key of s.shown) {
        if (next.has(key)) continue;
        if (key.startsWith('c:')) {
          const m = s.clusters.get(key);
          if (m) s.group.removeLayer(m);
          s.clusters.delete(key);
        } else {
          const entry = s.cache.get(key);
          if (entry) {
            s.group.removeLayer(entry.marker);
            if (entry.ring) s.ringGroup?.removeLayer(entry.ring);
          }
        }
      }
      s.shown = next;
      // How many events the viewport represents, per layer: read by the e2e tests.
      map.getContainer().dataset[`${layer}Shown`] = String(represented);
      // For tests and the benchmark: how long the diff took and that a render happened.
      window.dispatchEvent(new CustomEvent('newsmap:rendered', { detail: { layer, ms: performance.now() - t0, shown: next.size } }));
    };

    // A different index means a different point set: forget every shown layer and re-diff.
    // Layers whose feature is still visible stay on the map (their key is unchanged).
    const previous = s.shown;
    s.shown = new Set([...previous].filter((k) => !k.startsWith('c:')));
    for (const key of previous) {
      if (key.startsWith('c:')) {
        const m = s.clusters.get(key);
        if (m) s.group.removeLayer(m);
      }
    }
    s.clusters.clear();
    sync();
    map.on('moveend', sync);
    return () => {
      map.off('moveend', sync);
    };
  }, [map, index, points, palette, ringGroup]);

  return null;
}
