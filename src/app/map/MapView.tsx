import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type L from 'leaflet';
import { LayerGroup, LayersControl, MapContainer, ScaleControl, useMap } from 'react-leaflet';
import { featureById, type FeatureTable } from '../../core/filter/featureTable.ts';
import { EVENT_KINDS, type NewsmapFeature } from '../../core/geojson/schema.ts';
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
import { PipelineLayer } from './PipelineLayer.tsx';
import { ClusteredPoints } from './ClusteredPoints.tsx';
import { SelectedPopup, StackPopup } from './SelectedPopup.tsx';
import { FOCUS_ZOOM } from './symbols.ts';
import { MapPickListener } from '../workflow/MapPick.tsx';

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
 * Keeps `view=lat,lon,zoom` in the URL so a reload reopens the same view, and holds the export
 * warm-ups while the map moves (an idle slice in an animation can drop a frame).
 */
function ViewSync() {
  const map = useMap();
  useEffect(() => {
    const write = () => {
      holdIdleWork(MOVE_SETTLE_MS);
      const c = map.getCenter();
      setQueryParam('view', `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${map.getZoom()}`);
    };
    const moving = () => holdIdleWork(MOVE_HOLD_MS);
    map.on('movestart zoomstart', moving);
    map.on('moveend', write);
    // Tests and the benchmark drive the map through this handle.
    (window as unknown as { __newsmapMap?: L.Map }).__newsmapMap = map;
    return () => {
      map.off('movestart zoomstart', moving);
      map.off('moveend', write);
    };
  }, [map]);
  return null;
}

/** Longest animated move Leaflet makes (flyTo aside), and the pause after one ends. */
const MOVE_HOLD_MS = 1000;
const MOVE_SETTLE_MS = 500;

/**
 * Tells Leaflet when its container changes size (the reader opening, a window resize):
 * otherwise it keeps the old size, and popups and tiles land off-screen.
 */
function SizeWatcher() {
  const map = useMap();
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    ro.observe(map.getContainer());
    return () => ro.disconnect();
  }, [map]);
  return null;
}

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

const FIT_OPTIONS = { padding: [30, 30] as [number, number], maxZoom: 7 };

const STRIKE = EVENT_KINDS.indexOf('strike');

interface MapViewProps {
  /** The whole corpus as columns, and which rows the filter keeps. */
  table: FeatureTable;
  mask: Uint8Array;
  palette: ReadonlyMap<string, string>;
  actorsByFrequency: string[];
}

export function MapView({ table, mask, palette, actorsByFrequency }: MapViewProps) {
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

  return (
    <div className="map-wrap">
      <MapContainer
        className="map"
        preferCanvas
        renderer={renderer}
        minZoom={2}
        maxZoom={16}
        worldCopyJump={false}
        {...('bounds' in initialView ? { bounds: initialView.bounds, boundsOptions: FIT_OPTIONS } : { center: initialView.center, zoom: initialView.zoom })}
      >
        <Basemap labelsGroup={labelsGroup} />
        <LayersControl position="topright">
          <OsmOverlay onTileError={onTileError} />
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
        <MapPickListener />
        <SizeWatcher />
        {selected && popupReady && <SelectedPopup feature={selected} onClose={() => select(null)} onOpenArticle={openReader} />}
        {stack && !selected && (
          <StackPopup
            features={stack.ids.map((id) => featureById(table, id)).filter((f): f is NewsmapFeature => f !== null)}
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
      <Legend palette={palette} actorsByFrequency={actorsByFrequency} />
    </div>
  );
}
