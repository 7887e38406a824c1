import { useEffect, useSyncExternalStore } from 'react';
import { useMap } from 'react-leaflet';

type PickHandler = (lat: number, lon: number) => void;

/**
 * "Pick on map": a correction asks for the next map click; the listener inside the map answers
 * it once. A tiny external store, so the reader and the map need not share a React parent.
 */
let pending: PickHandler | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function requestPick(handler: PickHandler): void {
  pending = handler;
  notify();
}

export function cancelPick(): void {
  pending = null;
  notify();
}

export function usePicking(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pending !== null,
  );
}

/**
 * Rendered inside the MapContainer: the next click on the map while a pick is pending sets the
 * point, whatever is under the cursor. It listens in the capture phase on the map's container,
 * ahead of everything inside it: a popup, a marker or a cluster would otherwise take the click
 * (each stops it from reaching the map; a popup's buttons are React's, whose listeners sit on
 * the popup's content node), the pick would not happen and would stay armed. The map's
 * controls (zoom, layers) still work, and a drag still pans.
 */
export function MapPickListener() {
  const map = useMap();
  const picking = usePicking();
  useEffect(() => {
    if (!picking) return;
    const container = map.getContainer();
    container.classList.add('map--picking');
    let down: { x: number; y: number } | null = null;
    const onDown = (e: PointerEvent) => (down = { x: e.clientX, y: e.clientY });
    const onClick = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('.leaflet-control')) return;
      // A key press on a focused button (no pointer, no place).
      if (e.detail === 0) return;
      // The end of a drag, not a pick (Leaflet's own click tolerance is 3 px).
      if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 3) return;
      e.stopPropagation();
      e.preventDefault();
      const at = map.mouseEventToLatLng(e);
      const handler = pending;
      cancelPick();
      handler?.(at.lat, at.lng);
    };
    container.addEventListener('pointerdown', onDown, true);
    container.addEventListener('click', onClick, true);
    return () => {
      container.classList.remove('map--picking');
      container.removeEventListener('pointerdown', onDown, true);
      container.removeEventListener('click', onClick, true);
    };
  }, [map, picking]);
  return null;
}
