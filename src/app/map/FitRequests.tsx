import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

/** [[south, west], [north, east]], as `featureBounds` gives them. */
export type FitBounds = [[number, number], [number, number]];

const listeners = new Set<(bounds: FitBounds) => void>();

/**
 * Asks the map to show these bounds (e.g. a newly added article's features). Outside the map's
 * React tree (the Add article form), so a tiny bus rather than a context.
 */
export function requestFit(bounds: FitBounds): void {
  for (const listener of listeners) listener(bounds);
}

/**
 * Fits the map to each requested bounds, once the layout has settled: adding an article opens
 * the reader, which narrows the map, and a fit computed on the old size would leave part of the
 * article off screen. Two frames let the map follow its container's new size first.
 */
export function FitRequests() {
  const map = useMap();
  useEffect(() => {
    let frame = 0;
    const fit = (bounds: FitBounds) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          // A single point has no extent: fitBounds then zooms to its maximum; maxZoom holds it.
          map.flyToBounds(bounds, { padding: [40, 40], maxZoom: 8, duration: 0.6 });
        });
      });
    };
    listeners.add(fit);
    return () => {
      cancelAnimationFrame(frame);
      listeners.delete(fit);
    };
  }, [map]);
  return null;
}
