import { useEffect, useSyncExternalStore } from 'react';
import type { LeafletMouseEvent } from 'leaflet';
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

/** Rendered inside the MapContainer: the next click while a pick is pending sets the point. */
export function MapPickListener() {
  const map = useMap();
  const picking = usePicking();
  useEffect(() => {
    if (!picking) return;
    const container = map.getContainer();
    container.classList.add('map--picking');
    const onClick = (e: LeafletMouseEvent) => {
      const handler = pending;
      cancelPick();
      handler?.(e.latlng.lat, e.latlng.lng);
    };
    map.on('click', onClick);
    return () => {
      container.classList.remove('map--picking');
      map.off('click', onClick);
    };
  }, [map, picking]);
  return null;
}
