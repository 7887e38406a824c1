import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { LayerClusters } from '../../core/engine/cluster/gridClusters.ts';
import type { PointLayerName } from '../../core/engine/cluster/tablePoints.ts';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { ClusterMarker } from './ClusterMarker.ts';
import { ShapeMarker } from './ShapeMarker.ts';
import { featureColour, isCoarse, KIND_RADIUS, KIND_SHAPE, UNCERTAINTY_RADIUS_M } from './symbols.ts';
import { tooltipElement } from './featureTooltip.ts';


/** What a click on a cluster hands up: its cell (to list members) and its members' bounds. */
export interface ClusterHit {
  layer: PointLayerName;
  cell: number;
  zoom: number;
  count: number;
  latlng: L.LatLng;
  bounds: L.LatLngBounds;
}

interface Props {
  layer: PointLayerName;
  /** The cluster worker's answer for this layer (null until the first), and its zoom. */
  clusters: LayerClusters | null;
  zoom: number;
  /** The table's features: `singles` index into it. */
  features: readonly NewsmapFeature[];
  palette: ReadonlyMap<string, string>;
  /** Where uncertainty rings go (a layers-control overlay); null = no rings. */
  ringGroup: L.LayerGroup | null;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
  onCluster: (hit: ClusterHit) => void;
  /**
   * Symbols drawn beside their true point (key: `clusterKey` or a feature id → pixel offset):
   * places that would be drawn under a strike or a base (see `colocate` in ClusteredPoints).
   */
  offsets?: ReadonlyMap<string, readonly [number, number]> | null;
}

/** The key of a cluster's marker: its grid cell at a zoom. */
export function clusterKey(zoom: number, cell: number): string {
  return `c:${zoom}:${cell}`;
}

/** Drawn radius of a cluster of `count` (px): what covers the map around its centre. */
export function clusterRadius(layer: PointLayerName, count: number): number {
  return ((count < 10 ? 28 : count < 100 ? 34 : count < 1000 ? 40 : 46) - (layer === 'place' ? 8 : 0)) / 2;
}

/** Drawn radius of a single point (px): a star's points reach 1.15 × its radius. */
export function singleRadius(layer: PointLayerName): number {
  return layer === 'strike' ? KIND_RADIUS.strike * 1.15 : KIND_RADIUS[layer];
}

interface PointLayers {
  marker: ShapeMarker;
  ring: L.Circle | null;
}

/** Cap on cached per-feature layers, so a long pan session over 100k events stays bounded. */
const CACHE_LIMIT = 20_000;

/** Cluster fills per layer (strikes red, bases blue, other places grey), as in the legend. */
const CLUSTER_FILL: Record<PointLayerName, string> = {
  strike: 'rgba(176, 48, 20, 0.88)',
  base: 'rgba(21, 62, 117, 0.88)',
  place: 'rgba(90, 90, 90, 0.75)',
};

function countLabel(count: number): string {
  return count >= 10_000 ? `${Math.round(count / 1000)}k` : count >= 1000 ? `${(count / 1000).toFixed(1)}k` : String(count);
}

/**
 * Draws one layer's clusters and single points as the cluster worker computed them for the
 * view. Layers are kept per feature id (and per cluster cell) and diffed, so a filter change
 * or a pan adds and removes the few hundred canvas layers that changed instead of rebuilding.
 */
export function PointLayer({ layer, clusters: c, zoom, features, palette, ringGroup, onSelect, onHover, onCluster, offsets = null }: Props) {
  const map = useMap();
  // Callbacks in refs: the imperative layers are created once and must always call the latest.
  const handlers = useRef({ onSelect, onHover, onCluster });
  handlers.current = { onSelect, onHover, onCluster };

  const state = useRef<{
    group: L.LayerGroup;
    ringGroup: L.LayerGroup | null;
    cache: Map<string, PointLayers>;
    clusters: Map<string, { marker: ClusterMarker; count: number; hit: ClusterHit }>;
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
    if (!c) return;
    const t0 = performance.now();

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
      const ring =
        coarse && kind !== 'place'
          ? L.circle([lat, lon], {
              radius: UNCERTAINTY_RADIUS_M[p.geo_precision],
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

    const noun = layer === 'strike' ? 'strikes' : layer === 'base' ? 'bases' : 'other places';
    const radiusOf = (count: number) => clusterRadius(layer, count);
    // One marker per grid cell, updated in place when a filter changes its count or centre.
    const placeCluster = (key: string, k: number) => {
      const count = c.count[k]!;
      const latlng = L.latLng(c.lat[k]!, c.lon[k]!);
      const b = c.bounds;
      const bounds = L.latLngBounds([b[k * 4 + 1]!, b[k * 4]!], [b[k * 4 + 3]!, b[k * 4 + 2]!]);
      const cell = c.cell[k]!;
      let entry = s.clusters.get(key);
      if (!entry) {
        const marker = new ClusterMarker(latlng, {
          label: countLabel(count),
          radius: radiusOf(count),
          square: layer === 'base',
          fontPx: layer === 'place' ? 10 : 12,
          fillColor: CLUSTER_FILL[layer],
          color: '#ffffff',
          weight: 2,
          bubblingMouseEvents: false,
        });
        entry = { marker, count, hit: { layer, cell, zoom, count, latlng, bounds } };
        const e = entry;
        marker.bindTooltip(() => `${e.count.toLocaleString('en')} ${noun} — click to zoom in`, { direction: 'top' });
        marker.on('click', () => handlers.current.onCluster(e.hit));
        s.clusters.set(key, entry);
      } else {
        if (!entry.marker.getLatLng().equals(latlng)) entry.marker.setLatLng(latlng);
        if (entry.count !== count) entry.marker.setLabel(countLabel(count), radiusOf(count));
      }
      entry.count = count;
      entry.hit = { layer, cell, zoom, count, latlng, bounds };
      return entry.marker;
    };

    const next = new Set<string>();
    let represented = 0;
    for (let k = 0; k < c.count.length; k++) {
      const key = clusterKey(zoom, c.cell[k]!);
      next.add(key);
      represented += c.count[k]!;
      const marker = placeCluster(key, k);
      marker.setOffset(offsets?.get(key) ?? null);
      if (!s.shown.has(key)) s.group.addLayer(marker);
    }
    for (let k = 0; k < c.singles.length; k++) {
      const f = features[c.singles[k]!];
      if (!f) continue;
      next.add(f.id);
      represented += 1;
      const { marker, ring } = layersFor(f);
      marker.setOffset(offsets?.get(f.id) ?? null);
      if (!s.shown.has(f.id)) {
        s.group.addLayer(marker);
        if (ring) s.ringGroup?.addLayer(ring);
      }
    }
    for (const key of s.shown) {
      if (next.has(key)) continue;
      if (key.startsWith('c:')) {
        const m = s.clusters.get(key);
        if (m) s.group.removeLayer(m.marker);
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
    // The canvas draws in insertion order: keep strikes above bases above places (the layers
    // sync in that order), and clusters above single points.
    if (layer !== 'place') for (const key of next) (key.startsWith('c:') ? s.clusters.get(key)?.marker : s.cache.get(key)?.marker)?.bringToFront();
    for (const { marker } of s.clusters.values()) marker.bringToFront();
    // How many events the viewport represents, per layer: read by the e2e tests.
    map.getContainer().dataset[`${layer}Shown`] = String(represented);
    // For tests and the benchmark: how long the diff took, what is drawn (clusters are canvas
    // shapes, so tests find them here rather than in the DOM).
    // `dx`, `dy`: a symbol drawn beside its true point (a place next to a strike).
    const clusters = [...s.clusters.values()].map(({ hit, marker }) => ({ lat: hit.latlng.lat, lng: hit.latlng.lng, count: hit.count, dx: marker.offset?.x ?? 0, dy: marker.offset?.y ?? 0 }));
    const moved = offsets ? [...offsets.keys()].filter((key) => next.has(key)).length : 0;
    window.dispatchEvent(new CustomEvent('newsmap:rendered', { detail: { layer, ms: performance.now() - t0, shown: next.size, clusters, offset: moved } }));
  }, [map, c, zoom, features, palette, ringGroup, layer, offsets]);

  return null;
}
