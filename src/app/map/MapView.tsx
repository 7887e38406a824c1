import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type L from 'leaflet';
import { LayerGroup, LayersControl, MapContainer, ScaleControl, useMap } from 'react-leaflet';
import { featureById, type FeatureTable } from '../../core/engine/filter/featureTable.ts';
import { EVENT_KINDS, type NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { useSelection } from '../state/selection.ts';
import { setQueryParam } from '../state/useUrlFilter.ts';
import { holdIdleWork } from '../state/idle.ts';
import { ArcLayer } from './ArcLayer.tsx';
import { Basemap } from './Basemap.tsx';
import { DataCanvas } from './dataCanvas.ts';
import { featureBounds, anchorLatLng } from './geometry.ts';
import { HighlightLayer } from './HighlightLayer.tsx';
import { Legend } from './Legend.tsx';
import { OsmOverlay } from './OsmOverlay.tsx';
import { ContextOverlays } from './context/ContextOverlays.tsx';
import { PipelineLayer } from './PipelineLayer.tsx';
import { ClusteredPoints } from './ClusteredPoints.tsx';
import { FitRequests } from './FitRequests.tsx';
import { SelectedPopup, StackPopup } from './SelectedPopup.tsx';
import { FOCUS_ZOOM } from './symbols.ts';
import { MapPickListener } from '../workflow/MapPick.tsx';
import { KeepSelectedInView } from './KeepSelectedInView.tsx';

/** The region the dashboard is about, used when there is nothing to fit. */
const REGION_BOUNDS: [[number, number], [number, number]] = [[12, 25], [42, 75]];

function parseView(search: string): { center: [number, number]; zoom: number } | null {
  const raw = new URLSearchParams(search).get('view');
  const m = raw?.match(/^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$/);
  if (!m) return null;
  const [lat, lon, zoom] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (Math.abs(lat) > 85 || Math.abs(lon) > 180 || zoom < 2 || zoom > 16) return null;
  return { center: [lat, lon], zoom };
}

/**
 * Keeps `view=lat,lon,zoom` in the URL so a reload or a shared link reopens the same view; keeps
 * Leaflet's idea of the map's size in step with its container; and holds the export warm-ups
 * while the map moves (an idle slice in an animation can drop a frame).
 *
 * Leaflet caches the container's size and reads it for every centre, click and popup position.
 * The container changes size after the map opens (the timeline arrives with the corpus, the
 * reader opens and closes, the window resizes). `invalidateSize` alone either keeps the top-left
 * corner (`pan: false`: the centre moved by half the change, so a shared link opened 60 px off
 * and every reload wrote back a centre further off) or pans by a rounded half-change (up to
 * half a pixel of creep per resize). So a resize here re-sets the centre the view had. Leaflet
 * gets there by whole pixels, so its own centre may then be a fraction of a pixel off: the URL
 * gets the kept centre instead, exactly, until the view really moves.
 */
function ViewSync() {
  const map = useMap();
  useEffect(() => {
    let moving = false; // between movestart and moveend: a resize waits for the move to end
    let resizing = false; // inside follow(): its own move events are not moves of the view
    let kept: L.LatLng | null = null; // the centre resizes keep, until the view really moves

    const writeUrl = () => {
      const c = kept ?? map.getCenter();
      setQueryParam('view', `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${map.getZoom()}`);
    };
    /** Tells Leaflet its container's size if that changed, keeping the centre. */
    const follow = () => {
      const el = map.getContainer();
      const size = map.getSize();
      if (size.x === el.clientWidth && size.y === el.clientHeight) return;
      // Read under the old size: the centre the analyst saw, and the one the URL holds.
      kept ??= map.getCenter();
      resizing = true;
      map.invalidateSize({ pan: false });
      map.setView(kept, map.getZoom(), { animate: false });
      resizing = false;
      writeUrl();
    };
    const moveStart = () => {
      if (resizing) return;
      moving = true;
      kept = null;
      holdIdleWork(MOVE_HOLD_MS);
    };
    const moveEnd = () => {
      if (resizing) return;
      moving = false;
      holdIdleWork(MOVE_SETTLE_MS);
      // Never write a centre computed on a stale size (a resize seen mid-move is applied here).
      follow();
      writeUrl();
    };
    const holdZoom = () => holdIdleWork(MOVE_HOLD_MS);
    // Sees window resizes too: Leaflet's own handler is off (trackResize), it pans by pixels.
    // Mid-move (a fly, a drag) re-setting the view would cut the move short: moveEnd does it.
    const observer = new ResizeObserver(() => {
      if (!moving) follow();
    });
    observer.observe(map.getContainer());
    map.on('movestart', moveStart);
    map.on('zoomstart', holdZoom);
    map.on('moveend', moveEnd);
    // Tests and the benchmark drive the map through this handle.
    (window as unknown as { __newsmapMap?: L.Map }).__newsmapMap = map;
    return () => {
      observer.disconnect();
      map.off('movestart', moveStart);
      map.off('zoomstart', holdZoom);
      map.off('moveend', moveEnd);
    };
  }, [map]);
  return null;
}

/** Longest animated move Leaflet makes (flyTo aside), and the pause after one ends. */
const MOVE_HOLD_MS = 1000;
const MOVE_SETTLE_MS = 500;

/** Flies to the selected feature when asked to; reports arrival so the popup opens after. */
function FlyController({ target, seq, onArrived }: { target: NewsmapFeature | null; seq: number; onArrived: (seq: number) => void }) {
  const map = useMap();
  useEffect(() => {
    if (seq === 0 || !target) return;
    let done = false;
    const arrive = () => {
      if (done) return;
      done = true;
      onArrived(seq);
    };
    const zoom = Math.max(map.getZoom(), FOCUS_ZOOM[target.properties.geo_precision]);
    map.once('moveend', arrive);
    map.flyTo(anchorLatLng(target), target.geometry.type === 'LineString' ? Math.min(map.getZoom(), 6) : zoom, { duration: 0.6 });
    const fallback = window.setTimeout(arrive, 1500);
    return () => {
      map.off('moveend', arrive);
      window.clearTimeout(fallback);
    };
    // `target` is read at request time only: re-filtering must not re-fly.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, seq]);
  return null;
}

/**
 * [[south, west], [north, east]] of the corpus, as `featureBounds` computes it (every vertex and
 * strike origin), but reading the anchor columns: only the rows of lines and of strikes with
 * an origin (`linesAndArcs`) need their objects.
 */
function tableBounds(table: FeatureTable, linesAndArcs: readonly number[]): [[number, number], [number, number]] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let i = 0; i < table.size; i++) {
    const lon = table.lon[i]!;
    const lat = table.lat[i]!;
    if (lon < w) w = lon;
    if (lon > e) e = lon;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
  }
  const more = featureBounds(linesAndArcs.map((i) => table.features[i]!));
  if (more) {
    s = Math.min(s, more[0][0]);
    w = Math.min(w, more[0][1]);
    n = Math.max(n, more[1][0]);
    e = Math.max(e, more[1][1]);
  }
  return Number.isFinite(w) ? [[s, w], [n, e]] : null;
}

/**
 * Fits the map to the corpus when it arrives after the map opened (the dashboard shows while
 * the corpus downloads). Once only, and not if the analyst has already dragged the map.
 */
function FitWhenLoaded({ bounds }: { bounds: [[number, number], [number, number]] | null }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    const dragged = () => (done.current = true);
    map.once('dragstart', dragged);
    return () => {
      map.off('dragstart', dragged);
    };
  }, [map]);
  // A layout effect placed before the data layers: they cluster for the fitted view.
  useLayoutEffect(() => {
    if (bounds === null || done.current) return;
    done.current = true;
    map.fitBounds(bounds, { ...FIT_OPTIONS, animate: false });
  }, [map, bounds]);
  return null;
}

/** Below this map width the legend starts collapsed: open, it would cover much of the map. */
export const LEGEND_OPEN_MIN_WIDTH = 900;

/**
 * Reports popups opening and closing (any popup: the selected feature's or a stack's), and hands
 * out the map, so the legend, which lives outside the map's container, can keep clear of them.
 */
function PopupWatcher({ onOpen, onClose, mapRef }: { onOpen: (popup: L.Popup) => void; onClose: (popup: L.Popup) => void; mapRef: { current: L.Map | null } }) {
  const map = useMap();
  useEffect(() => {
    mapRef.current = map;
    const open = (e: L.PopupEvent) => onOpen(e.popup);
    const close = (e: L.PopupEvent) => onClose(e.popup);
    map.on('popupopen', open);
    map.on('popupclose', close);
    return () => {
      map.off('popupopen', open);
      map.off('popupclose', close);
      mapRef.current = null;
    };
  }, [map, onOpen, onClose, mapRef]);
  return null;
}

function overlap(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

const FIT_OPTIONS = { padding: [30, 30] as [number, number], maxZoom: 7 };

const STRIKE = EVENT_KINDS.indexOf('strike');

interface MapViewProps {
  /** The whole corpus as columns, and which rows the filter keeps. */
  table: FeatureTable;
  mask: Uint8Array;
  palette: ReadonlyMap<string, string>;
  /** Every actor of the corpus, most frequent first: the legend's order. */
  actors: readonly string[];
}

export function MapView({ table, mask, palette, actors }: MapViewProps) {
  const { selectedId, hoveredId, flySeq, select, hover, openReader } = useSelection();
  // Lines and arcs are few: find their rows once per corpus, then keep those the filter keeps.
  const candidates = useMemo(() => {
    const lines: number[] = [];
    const arcs: number[] = [];
    for (let i = 0; i < table.size; i++) {
      if (table.line[i] === 1) lines.push(i);
      else if (table.kind[i] === STRIKE && table.features[i]!.properties.origin !== null) arcs.push(i);
    }
    return { lines, arcs };
  }, [table]);
  const [initialView] = useState(() => {
    const view = parseView(window.location.search);
    return view ?? { bounds: tableBounds(table, [...candidates.lines, ...candidates.arcs]) ?? REGION_BOUNDS, awaitingData: table.size === 0 };
  });
  // Opened before the corpus arrived: fit to it once it does.
  const loadedBounds = useMemo(
    () => ('awaitingData' in initialView && initialView.awaitingData && table.size > 0 ? tableBounds(table, [...candidates.lines, ...candidates.arcs]) : null),
    [initialView, table, candidates],
  );
  // One canvas for every data layer, redrawn once per move and drawn off screen (dataCanvas.ts).
  const [renderer] = useState(() => new DataCanvas());
  const [labelsGroup, setLabelsGroup] = useState<L.LayerGroup | null>(null);
  const [ringGroup, setRingGroup] = useState<L.LayerGroup | null>(null);
  const [arcGroup, setArcGroup] = useState<L.LayerGroup | null>(null);
  const [tileError, setTileError] = useState(false);
  const [arrivedSeq, setArrivedSeq] = useState(0);
  const [stack, setStack] = useState<{ ids: string[]; latlng: L.LatLng } | null>(null);

  const lines = useMemo(() => candidates.lines.filter((i) => mask[i] === 1).map((i) => table.features[i]!), [candidates, mask, table]);
  const strikes = useMemo(() => candidates.arcs.filter((i) => mask[i] === 1).map((i) => table.features[i]!), [candidates, mask, table]);

  const onSelect = useCallback((id: string) => {
    setStack(null);
    select(id);
  }, [select]);
  const onStack = useCallback((ids: string[], latlng: L.LatLng) => setStack({ ids, latlng }), []);
  const onTileError = useCallback(() => setTileError(true), []);
  const selected = selectedId ? featureById(table, selectedId) : null;
  const hovered = hoveredId ? featureById(table, hoveredId) : null;
  const popupReady = selected !== null && arrivedSeq >= flySeq;
  // Once per stack, not per render: the popup's content is memoised on it (SelectedPopup.tsx).
  // The legend: collapsed on a small map, and out of the way of an open popup (it sits in the
  // map's bottom-right corner, where a popup near the edge would be drawn under it).
  const wrapRef = useRef<HTMLDivElement | null>(null);
  const mapRef = useRef<L.Map | null>(null);
  const legendRef = useRef<HTMLElement | null>(null);
  const [legendOpen, setLegendOpen] = useState(false);
  /** Open popups, and whether a popup (not the analyst) collapsed the legend. */
  const popups = useRef(new Set<L.Popup>());
  const collapsedForPopup = useRef(false);
  useLayoutEffect(() => {
    setLegendOpen((wrapRef.current?.clientWidth ?? 0) >= LEGEND_OPEN_MIN_WIDTH);
  }, []);
  const onPopupOpen = useCallback((popup: L.Popup) => {
    popups.current.add(popup);
    setLegendOpen((open) => {
      if (open) collapsedForPopup.current = true;
      return false;
    });
  }, []);
  const onPopupClose = useCallback((popup: L.Popup) => {
    popups.current.delete(popup);
    if (popups.current.size > 0 || !collapsedForPopup.current) return;
    // Reopened after the close has settled: a selection moving on closes one popup and opens the next.
    setTimeout(() => {
      if (popups.current.size > 0 || !collapsedForPopup.current) return;
      collapsedForPopup.current = false;
      setLegendOpen(true);
    }, 0);
  }, []);
  const toggleLegend = useCallback(() => {
    collapsedForPopup.current = false;
    setLegendOpen((open) => !open);
  }, []);
  // Opened by the analyst while a popup is open: move the map so the popup clears the legend.
  useLayoutEffect(() => {
    const map = mapRef.current;
    const legend = legendRef.current;
    if (!legendOpen || !map || !legend) return;
    for (const popup of popups.current) {
      const el = popup.getElement();
      if (!el) continue;
      const p = el.getBoundingClientRect();
      const l = legend.getBoundingClientRect();
      if (overlap(p, l)) map.panBy([Math.ceil(p.right - l.left) + 12, 0], { animate: false });
    }
  }, [legendOpen]);
  const stackFeatures = useMemo(() => (stack ? stack.ids.map((id) => featureById(table, id)).filter((f): f is NewsmapFeature => f !== null) : []), [stack, table]);

  return (
    <div className="map-wrap" ref={wrapRef}>
      <MapContainer
        className="map"
        preferCanvas
        renderer={renderer}
        minZoom={2}
        maxZoom={16}
        worldCopyJump={false}
        trackResize={false}
        {...('bounds' in initialView ? { bounds: initialView.bounds, boundsOptions: FIT_OPTIONS } : { center: initialView.center, zoom: initialView.zoom })}
      >
        <Basemap labelsGroup={labelsGroup} />
        <LayersControl position="topright">
          <OsmOverlay onTileError={onTileError} />
          <ContextOverlays countryLabels={labelsGroup} />
          <LayersControl.Overlay checked name="Country labels">
            <LayerGroup ref={setLabelsGroup} />
          </LayersControl.Overlay>
          <LayersControl.Overlay checked name="Uncertainty rings (region ≈50 km, country ≈250 km)">
            <LayerGroup ref={setRingGroup} />
          </LayersControl.Overlay>
          <LayersControl.Overlay checked name="Strike arcs (origin → target)">
            <LayerGroup ref={setArcGroup} />
          </LayersControl.Overlay>
        </LayersControl>
        <ScaleControl position="bottomleft" />
        <PipelineLayer lines={lines} onSelect={onSelect} onHover={hover} />
        <ArcLayer strikes={strikes} palette={palette} group={arcGroup} />
        <FitWhenLoaded bounds={loadedBounds} />
        <ClusteredPoints table={table} mask={mask} palette={palette} ringGroup={ringGroup} onSelect={onSelect} onHover={hover} onStack={onStack} />
        <HighlightLayer hovered={hovered} selected={selected} />
        <FlyController target={selected} seq={flySeq} onArrived={setArrivedSeq} />
        <ViewSync />
        <FitRequests />
        <KeepSelectedInView target={selected} />
        <MapPickListener />
        <PopupWatcher onOpen={onPopupOpen} onClose={onPopupClose} mapRef={mapRef} />
        {selected && popupReady && <SelectedPopup feature={selected} onClose={() => select(null)} onOpenArticle={openReader} />}
        {stack && !selected && (
          <StackPopup
            features={stackFeatures}
            latlng={stack.latlng}
            onPick={onSelect}
            onClose={() => setStack(null)}
          />
        )}
      </MapContainer>
      {tileError && (
        <p className="map-note" role="status">
          OpenStreetMap tiles could not be loaded (offline?). The offline basemap is shown.
          <button type="button" onClick={() => setTileError(false)} aria-label="Dismiss">×</button>
        </p>
      )}
      <Legend ref={legendRef} palette={palette} actors={actors} open={legendOpen} onToggle={toggleLegend} />
    </div>
  );
}
