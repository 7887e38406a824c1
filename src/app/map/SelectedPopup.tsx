import { useEffect, useMemo, useRef } from 'react';
import type L from 'leaflet';
import { Popup, useMap, useMapEvent } from 'react-leaflet';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { FeaturePopupContent } from './FeaturePopupContent.tsx';
import { anchorLatLng } from './geometry.ts';

/**
 * Popups keep clear of the map's bottom-right corner, where the legend's toggle stays while a
 * popup is open (MapView collapses the legend then): a popup near that corner is panned up.
 */
const PAD_TOP_LEFT: [number, number] = [40, 40];
const PAD_BOTTOM_RIGHT: [number, number] = [40, 72];

/**
 * Esc closes the popup wherever the focus is (Leaflet's own Esc works only while the map itself
 * has the focus, not from the list or a button inside the popup). A control that handles Esc
 * itself (a menu) stops it first.
 */
function useEscapeCloses(ref: { current: L.Popup | null }): void {
  const map = useMap();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const popup = ref.current;
      if (popup && map.hasLayer(popup)) map.closePopup(popup);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [map, ref]);
}

/**
 * The one popup of the selected feature, with React children (never an HTML string). Closing
 * it with its × clears the selection; a popup removed because the selection moved on does not
 * (its instance is no longer the one in the ref by then).
 */
export function SelectedPopup({ feature, onClose, onOpenArticle }: { feature: NewsmapFeature; onClose: () => void; onOpenArticle: (id: string) => void }) {
  const ref = useRef<L.Popup | null>(null);
  // A stable position: react-leaflet re-opens the popup whenever `position` changes identity,
  // which would fire popupclose on every re-render.
  const position = useMemo(() => anchorLatLng(feature), [feature]);
  // Stable content too: react-leaflet calls the popup's update() whenever its children change
  // identity, and Leaflet's update() pans the map back to the popup. Unmemoised, any re-render
  // (a hover anywhere) dragged the map back to an open popup the analyst had panned away from,
  // even between aiming a "Pick on map" click and making it.
  const content = useMemo(() => <FeaturePopupContent feature={feature} onOpenArticle={onOpenArticle} />, [feature, onOpenArticle]);
  useMapEvent('popupclose', (e) => {
    if (ref.current !== null && e.popup === ref.current) onClose();
  });
  useEscapeCloses(ref);
  return (
    <Popup key={feature.id} ref={ref} position={position} maxWidth={360} minWidth={260} autoPanPaddingTopLeft={PAD_TOP_LEFT} autoPanPaddingBottomRight={PAD_BOTTOM_RIGHT}>
      {content}
    </Popup>
  );
}

/**
 * What a stack holds: "6 events" when it is all events, else each kind counted, places last
 * ("1 strike + 10 places"), as the handle of a place drawn beside a strike says.
 */
export function stackHeading(features: readonly NewsmapFeature[]): string {
  const places = features.filter((f) => f.properties.kind === 'place').length;
  if (places === 0) return `${features.length} events at this spot`;
  const count = (kind: string) => features.filter((f) => f.properties.kind === kind).length;
  const n = (k: number, one: string, many: string) => (k === 0 ? '' : `${k} ${k === 1 ? one : many}`);
  return `${[n(count('strike'), 'strike', 'strikes'), n(count('base'), 'base', 'bases'), n(count('pipeline'), 'pipeline', 'pipelines'), n(places, 'place', 'places')].filter(Boolean).join(' + ')} at this spot`;
}

/** Events stacked on one spot (e.g. four mentions of "Israel" at its centroid): pick one. */
export function StackPopup({ features, latlng, onPick, onClose }: { features: NewsmapFeature[]; latlng: L.LatLng; onPick: (id: string) => void; onClose: () => void }) {
  const ref = useRef<L.Popup | null>(null);
  useMapEvent('popupclose', (e) => {
    if (ref.current !== null && e.popup === ref.current) onClose();
  });
  useEscapeCloses(ref);
  // Opened on purpose (a click, Enter on a shared spot): the focus goes to its first entry.
  useEffect(() => {
    // After react-leaflet has rendered the content into the opened popup.
    const t = window.setTimeout(() => ref.current?.getElement()?.querySelector<HTMLButtonElement>('.stack-popup button')?.focus({ preventScroll: true }), 0);
    return () => window.clearTimeout(t);
  }, [latlng]);
  // Stable content, as in SelectedPopup: a re-render must not pan the map back to the popup.
  const content = useMemo(
    () => (
      <div className="stack-popup">
        <h3>{stackHeading(features)}</h3>
        <ul>
          {features.map((f) => (
            <li key={f.id}>
              {/* Picked once the click is over: picking removes this list at once, and the map,
                  no longer finding the click inside a popup, closed the picked feature's popup
                  as it opened. */}
              <button type="button" onClick={() => window.setTimeout(() => onPick(f.id), 0)}>
                <span className={`kind-badge kind-badge--${f.properties.kind}`}>{f.properties.kind}</span> {f.properties.title}
                {f.properties.date ? ` · ${f.properties.date}` : ''}
              </button>
            </li>
          ))}
        </ul>
      </div>
    ),
    [features, onPick],
  );
  return (
    <Popup ref={ref} position={latlng} maxWidth={340} autoPanPaddingTopLeft={PAD_TOP_LEFT} autoPanPaddingBottomRight={PAD_BOTTOM_RIGHT}>
      {content}
    </Popup>
  );
}
