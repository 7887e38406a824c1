import { useEffect, useState } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { loadCountries, minLabelAreaKm2, type Countries } from './countries.ts';

export const BASEMAP_PANE = 'basemap';
export const LABEL_PANE = 'countryLabels';

/**
 * Country polygons on their own SVG renderer and pane, below the tile pane: when the optional
 * OpenStreetMap layer is on it covers them, and when its tiles fail the basemap still shows.
 */
export function Basemap({ labelsGroup, onLoaded }: { labelsGroup: L.LayerGroup | null; onLoaded?: () => void }) {
  const map = useMap();
  const [countries, setCountries] = useState<Countries | null>(null);

  useEffect(() => {
    let cancelled = false;
    void loadCountries().then((c) => !cancelled && setCountries(c));
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!countries) return;
    if (!map.getPane(BASEMAP_PANE)) map.createPane(BASEMAP_PANE).style.zIndex = '150';
    // SVG, not the app's canvas: ~240 static polygons are cheap as paths, and they stay in
    // their own pane under the tiles. GeoJSON passes `renderer` on to each polygon (untyped).
    const options = {
      pane: BASEMAP_PANE,
      renderer: L.svg({ pane: BASEMAP_PANE, padding: 0.5 }),
      interactive: false,
      // Coarser line simplification (px): 1:50m outlines have far more vertices than a screen
      // needs, and re-clipping them after every pan is the basemap's whole cost.
      smoothFactor: 2,
      style: { className: 'basemap-country', color: '#9aa5ad', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 },
    } as L.GeoJSONOptions;
    const layer = L.geoJSON(countries.shapes, options);
    layer.addTo(map);
    onLoaded?.();
    return () => {
      layer.remove();
    };
  }, [map, countries, onLoaded]);

  useEffect(() => {
    if (!countries || !labelsGroup) return;
    if (!map.getPane(LABEL_PANE)) {
      const pane = map.createPane(LABEL_PANE);
      pane.style.zIndex = '350';
      pane.style.pointerEvents = 'none';
    }
    const markers = countries.labels.map((label) => {
      const text = document.createElement('span');
      text.textContent = label.name;
      return {
        label,
        marker: L.marker([label.lat, label.lon], {
          pane: LABEL_PANE,
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: 'country-label', html: text, iconSize: undefined }),
        }),
      };
    });
    const update = () => {
      const minArea = minLabelAreaKm2(map.getZoom());
      for (const { label, marker } of markers) {
        const show = label.areaKm2 >= minArea;
        if (show && !labelsGroup.hasLayer(marker)) labelsGroup.addLayer(marker);
        else if (!show && labelsGroup.hasLayer(marker)) labelsGroup.removeLayer(marker);
      }
    };
    update();
    map.on('zoomend', update);
    return () => {
      map.off('zoomend', update);
      for (const { marker } of markers) labelsGroup.removeLayer(marker);
    };
  }, [map, countries, labelsGroup]);

  return null;
}
