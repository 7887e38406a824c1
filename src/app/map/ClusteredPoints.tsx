import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { CLUSTER_MAX_ZOOM, type LayerClusters } from '../../core/engine/cluster/gridClusters.ts';
import { pointsOfTable, POINT_LAYERS as LAYERS } from '../../core/engine/cluster/tablePoints.ts';
import type { FeatureTable } from '../../core/engine/filter/featureTable.ts';
import { ClusterClient } from '../../worker/clusterClient.ts';
import { clusterKey, clusterRadius, PointLayer, singleRadius, type ClusterHit } from './PointLayer.tsx';
import type { PointLayerName } from '../../core/engine/cluster/tablePoints.ts';
import { onIdle } from '../state/idle.ts';

interface Props {
  table: FeatureTable;
  /** Table rows the filter keeps (1). */
  mask: Uint8Array;
  palette: ReadonlyMap<string, string>;
  ringGroup: L.LayerGroup | null;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
  /** A cluster whose members share one spot (it cannot split by zooming). */
  onStack: (ids: string[], latlng: L.LatLng) => void;
}

/** One drawn symbol: a cluster (its cell) or a single feature, where and how big it is drawn. */
interface Drawn {
  layer: PointLayerName;
  key: string;
  /** Grid cell of a cluster; -1 for a single point. */
  cell: number;
  /** The feature of a single point. */
  id: string | null;
  count: number;
  latlng: L.LatLng;
  /** World pixel position at the clusters' zoom, and drawn radius. */
  x: number;
  y: number;
  r: number;
}

/**
 * Places that share a spot with a strike or a base: drawn beside it, never under it.
 * `offset` is where the place symbol is drawn, relative to its true point.
 */
export interface CoLocated {
  place: Drawn;
  events: Drawn[];
  offset: readonly [number, number];
  /** "1 strike + 10 places", what the spot holds. */
  label: string;
}

/** Above this many shared spots in view, they are drawn beside each other but get no focusable DOM handle. */
const MAX_SPOT_HANDLES = 150;
/** Gap between a strike's edge and the place symbol moved beside it (px). */
const GAP = 3;

/** One formatter for every label: `toLocaleString` builds one per call (most of colocate's time per filter change). */
const COUNT = new Intl.NumberFormat('en');
const plural = (n: number, one: string, many: string) => `${n < 1000 ? String(n) : COUNT.format(n)} ${n === 1 ? one : many}`;

/**
 * Finds every place symbol (cluster or single) that a strike or base symbol would cover, in one
 * pass over a coarse pixel grid of the event symbols, and where to draw it instead: up and to
 * the right, just clear of the largest symbol over it.
 */
export function colocate(map: L.Map, zoom: number, layers: readonly LayerClusters[], features: FeatureTable['features']): CoLocated[] {
  const drawn = (layer: PointLayerName, c: LayerClusters): Drawn[] => {
    const out: Drawn[] = [];
    for (let k = 0; k < c.count.length; k++) {
      const latlng = L.latLng(c.lat[k]!, c.lon[k]!);
      const p = map.project(latlng, zoom);
      out.push({ layer, key: clusterKey(zoom, c.cell[k]!), cell: c.cell[k]!, id: null, count: c.count[k]!, latlng, x: p.x, y: p.y, r: clusterRadius(layer, c.count[k]!) });
    }
    for (let k = 0; k < c.singles.length; k++) {
      const f = features[c.singles[k]!];
      if (!f) continue;
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const latlng = L.latLng(lat, lon);
      const p = map.project(latlng, zoom);
      out.push({ layer, key: f.id, cell: -1, id: f.id, count: 1, latlng, x: p.x, y: p.y, r: singleRadius(layer) });
    }
    return out;
  };
  const byName = new Map(LAYERS.map((name, k) => [name, layers[k]] as const));
  const places = byName.get('place');
  if (!places) return [];
  const events = [...drawn('strike', byName.get('strike')!), ...drawn('base', byName.get('base')!)];
  if (events.length === 0) return [];
  const CELL = 64;
  const grid = new Map<string, Drawn[]>();
  for (const e of events) {
    const key = `${Math.floor(e.x / CELL)},${Math.floor(e.y / CELL)}`;
    const list = grid.get(key);
    if (list) list.push(e);
    else grid.set(key, [e]);
  }
  const out: CoLocated[] = [];
  for (const place of drawn('place', places)) {
    const gx = Math.floor(place.x / CELL);
    const gy = Math.floor(place.y / CELL);
    const over: Drawn[] = [];
    for (let sx = -1; sx <= 1; sx++) for (let sy = -1; sy <= 1; sy++) {
      for (const e of grid.get(`${gx + sx},${gy + sy}`) ?? []) {
        const dx = e.x - place.x;
        const dy = e.y - place.y;
        if (dx * dx + dy * dy < (e.r + place.r) ** 2) over.push(e);
      }
    }
    if (over.length === 0) continue;
    // Beside the largest symbol over it, up and to the right, clear of its edge.
    const big = over.reduce((a, b) => (b.r > a.r ? b : a));
    const d = big.r + place.r + GAP;
    const target = [big.x + d * Math.SQRT1_2, big.y - d * Math.SQRT1_2] as const;
    const offset = [Math.round(target[0] - place.x), Math.round(target[1] - place.y)] as const;
    const strikes = over.filter((e) => e.layer === 'strike').reduce((n, e) => n + e.count, 0);
    const bases = over.filter((e) => e.layer === 'base').reduce((n, e) => n + e.count, 0);
    const parts = [strikes > 0 ? plural(strikes, 'strike', 'strikes') : '', bases > 0 ? plural(bases, 'base', 'bases') : '', plural(place.count, 'place', 'places')].filter(Boolean);
    out.push({ place, events: over, offset, label: parts.join(' + ') });
  }
  return out;
}

/**
 * The spots' handles as one layer: a container in the marker pane holding a plain button per
 * spot, placed by `left`/`top` at each zoom. Leaflet markers would each be placed by a 3D
 * transform (a compositing layer of its own in Chromium) and animated through every zoom, and
 * were all rebuilt on each new set of clusters: 50 of them put pan and zoom frames at 80-100 ms
 * p95 in the map benchmark. Here a pan moves them with the map pane, a zoom animation hides them
 * (`leaflet-zoom-hide`, as Leaflet hides overlays it cannot scale; they are transparent), and a
 * new set of spots reuses the buttons of the spots it keeps (a focused handle keeps the focus).
 */
class SpotHandleLayer extends L.Layer {
  private container: HTMLDivElement | null = null;
  private readonly buttons = new Map<string, { el: HTMLButtonElement; spot: CoLocated }>();
  private spots: readonly CoLocated[] = [];

  constructor(private readonly open: (spot: CoLocated) => void) {
    super();
  }

  override onAdd(map: L.Map): this {
    const el = (this.container = L.DomUtil.create('div', 'colocated-spots leaflet-zoom-hide') as HTMLDivElement);
    el.style.position = 'absolute';
    el.style.left = '0';
    el.style.top = '0';
    el.style.pointerEvents = 'none';
    map.getPanes().markerPane.appendChild(el);
    this.setSpots(this.spots);
    return this;
  }

  override onRemove(): this {
    this.container?.remove();
    this.container = null;
    this.buttons.clear();
    return this;
  }

  override getEvents(): { [name: string]: L.LeafletEventHandlerFn } {
    return { zoom: this.place, viewreset: this.place };
  }

  setSpots(spots: readonly CoLocated[]): void {
    this.spots = spots;
    const container = this.container;
    if (!container) return;
    const next = new Set<string>();
    for (const spot of spots.length > MAX_SPOT_HANDLES ? [] : spots) {
      const key = spot.place.key;
      next.add(key);
      let entry = this.buttons.get(key);
      if (!entry) {
        const el = document.createElement('button');
        el.type = 'button';
        el.className = 'colocated-spot';
        Object.assign(el.style, { position: 'absolute', margin: '0', padding: '0', border: '0', background: 'transparent', cursor: 'pointer', pointerEvents: 'auto' });
        const held = { el, spot };
        entry = held;
        el.addEventListener('click', (e) => {
          e.preventDefault();
          this.open(held.spot);
        });
        // The map must not see the click (it would close the list) nor a drag start.
        L.DomEvent.disableClickPropagation(el);
        L.DomEvent.disableScrollPropagation(el);
        container.appendChild(el);
        this.buttons.set(key, entry);
      }
      entry.spot = spot;
      const name = `${spot.label} at this spot: list them`;
      if (entry.el.getAttribute('aria-label') !== name) {
        entry.el.setAttribute('aria-label', name);
        entry.el.title = name;
      }
    }
    for (const [key, { el }] of this.buttons) {
      if (next.has(key)) continue;
      el.remove();
      this.buttons.delete(key);
    }
    this.place();
  }

  /** Layer pixels of each handle: over its place symbol, where it is drawn (offset). */
  private place(): void {
    const map = this._map;
    if (!map) return;
    for (const { el, spot } of this.buttons.values()) {
      const r = Math.max(12, spot.place.r + 2);
      const p = map.latLngToLayerPoint(spot.place.latlng);
      const left = `${Math.round(p.x + spot.offset[0] - r)}px`;
      const top = `${Math.round(p.y + spot.offset[1] - r)}px`;
      const size = `${2 * r}px`;
      if (el.style.left !== left) el.style.left = left;
      if (el.style.top !== top) el.style.top = top;
      if (el.style.width !== size) {
        el.style.width = size;
        el.style.height = size;
      }
    }
  }
}

/**
 * A focusable handle over each place drawn beside a strike or a base: a button named "1 strike
 * + 10 places at this spot", which lists them all.
 */
function SpotHandles({ spots, onOpen }: { spots: readonly CoLocated[]; onOpen: (spot: CoLocated) => void }) {
  const map = useMap();
  const open = useRef(onOpen);
  open.current = onOpen;
  const [layer] = useState(() => new SpotHandleLayer((spot) => open.current(spot)));
  useEffect(() => {
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, layer]);
  useEffect(() => {
    layer.setSpots(spots);
  }, [layer, spots]);
  return null;
}

/**
 * Strikes, bases and other places, each clustered on its own (a cluster's count means "12
 * strikes", not "10 mentions of a country and 2 strikes"). The cluster worker holds the points
 * and the filter mask; this component asks it for the view after every move and filter change
 * and hands each layer its share.
 */
export function ClusteredPoints({ table, mask, palette, ringGroup, onSelect, onHover, onStack }: Props) {
  const map = useMap();
  // Created and terminated by one effect, so that a remount (React's StrictMode does one in
  // development) gets a live worker rather than the one the first clean-up terminated.
  const [client, setClient] = useState<ClusterClient | null>(null);
  const [result, setResult] = useState<{ table: FeatureTable; zoom: number; layers: LayerClusters[] } | null>(null);

  useEffect(() => {
    const created = new ClusterClient();
    setClient(created);
    return () => created.terminate();
  }, []);

  const viewQuery = useCallback(() => {
    const b = map.getBounds().pad(0.25);
    return { zoom: Math.round(map.getZoom()), west: b.getWest(), south: Math.max(-85, b.getSouth()), east: b.getEast(), north: Math.min(85, b.getNorth()) };
  }, [map]);

  /** After a move: the worker answers, and the frames of the move are not held up. */
  const refresh = useCallback(() => {
    if (!client) return;
    const query = viewQuery();
    void client.query(query).then((answer) => {
      if (answer) setResult({ table, zoom: query.zoom, layers: answer.layers });
    });
  }, [viewQuery, client, table]);

  // Layout effects: a filter change is clustered and drawn in the same task as the list and
  // the counts (React re-renders synchronously for state set here), not a frame later.
  useLayoutEffect(() => {
    client?.load({ ...pointsOfTable(table), layers: LAYERS.length });
  }, [client, table]);
  useEffect(() => (client ? onIdle(() => client.prime(viewQuery())) : undefined), [client, table, viewQuery]);

  useLayoutEffect(() => {
    if (!client) return;
    client.setMask(mask);
    const query = viewQuery();
    const now = client.querySync(query);
    if (now) setResult({ table, zoom: query.zoom, layers: now.layers });
    else refresh();
  }, [client, mask, table, viewQuery, refresh]);

  useEffect(() => {
    map.on('moveend', refresh);
    return () => {
      map.off('moveend', refresh);
    };
  }, [map, refresh]);

  const onCluster = useCallback(
    (hit: ClusterHit) => {
      const spread = hit.bounds.getNorthEast().distanceTo(hit.bounds.getSouthWest());
      if (client && (spread < 1 || hit.zoom >= CLUSTER_MAX_ZOOM)) {
        // Every member sits on (nearly) the same spot: zooming cannot separate them, list them.
        void client.members(LAYERS.indexOf(hit.layer), hit.zoom, hit.cell, 200).then((found) => {
          onStack(Array.from(found, (i) => table.features[i]!.id), hit.latlng);
        });
        return;
      }
      // Zoom to the members, at least one level in, so a click always makes progress.
      const zoom = Math.min(map.getMaxZoom(), Math.max(hit.zoom + 1, map.getBoundsZoom(hit.bounds.pad(0.1))));
      map.flyTo(hit.bounds.getCenter(), zoom, { duration: 0.5 });
    },
    [client, map, onStack, table],
  );

  const current = result && result.table === table ? result : null;
  // Places a strike or a base would cover are drawn beside it, with a handle that lists the spot.
  const spots = useMemo(() => (current ? colocate(map, current.zoom, current.layers, table.features) : []), [current, map, table]);
  const placeOffsets = useMemo(() => new Map(spots.map((s) => [s.place.key, s.offset] as const)), [spots]);
  const openSpot = useCallback(
    (spot: CoLocated) => {
      if (!client || !current) return;
      const zoom = current.zoom;
      const parts = [...spot.events, spot.place].map((d) =>
        d.id !== null ? Promise.resolve([d.id]) : client.members(LAYERS.indexOf(d.layer), zoom, d.cell, 200).then((found) => Array.from(found, (i) => table.features[i]!.id)),
      );
      void Promise.all(parts).then((ids) => onStack(ids.flat(), spot.place.latlng));
    },
    [client, current, onStack, table],
  );
  return (
    <>
      <SpotHandles spots={spots} onOpen={openSpot} />
      {LAYERS.map((layer, k) => (
        <PointLayer
          key={layer}
          layer={layer}
          clusters={current?.layers[k] ?? null}
          zoom={current?.zoom ?? 0}
          features={table.features}
          palette={palette}
          ringGroup={layer === 'place' ? null : ringGroup}
          onSelect={onSelect}
          onHover={onHover}
          onCluster={onCluster}
          offsets={layer === 'place' ? placeOffsets : null}
        />
      ))}
    </>
  );
}
