import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { BasemapClient } from '../../worker/basemapClient.ts';
import { COUNTRY_LABELS, minLabelAreaKm2 } from './countries.ts';
import { CountryTiles } from './countryTiles.ts';

export const BASEMAP_PANE = 'basemap';
export const LABEL_PANE = 'countryLabels';

/** Same look as the SVG basemap it replaces: land on the map's sea background (app.css --sea). */
const LAND = '#f4f1ea';
const BORDER = '#9aa5ad';
const BORDER_WEIGHT = 0.8;

/**
 * Country polygons as canvas tiles in their own pane, below the tile pane: when the optional
 * OpenStreetMap layer is on it covers them, and when its tiles fail the basemap still shows.
 * The basemap worker loads 1:110m outlines first (small, and exact enough to zoom 3); 1:50m
 * follows and is drawn into the tiles above zoom 3 in place. `onLoaded` fires once the layer
 * is on the map.
 */
export function Basemap({ labelsGroup, onLoaded }: { labelsGroup: L.LayerGroup | null; onLoaded?: () => void }) {
  const map = useMap();

  useEffect(() => {
    if (!map.getPane(BASEMAP_PANE)) {
      const pane = map.createPane(BASEMAP_PANE);
      pane.style.zIndex = '150';
      // Never interactive: clicks go through to the map (and its canvas data layers).
      pane.style.pointerEvents = 'none';
    }
    const painter = new BasemapClient();
    const layer = new CountryTiles(painter, { pane: BASEMAP_PANE, fill: LAND, stroke: BORDER, weight: BORDER_WEIGHT });
    layer.addTo(map);
    onLoaded?.();
    return () => {
      layer.remove();
      painter.terminate();
    };
  }, [map, onLoaded]);

  useEffect(() => {
    if (!labelsGroup) return;
    if (!map.getPane(LABEL_PANE)) {
      const pane = map.createPane(LABEL_PANE);
      pane.style.zIndex = '350';
      pane.style.pointerEvents = 'none';
    }
    const markers = COUNTRY_LABELS.map((label) => {
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
    // Only labels in (or near) the view are in the DOM: each is a compositing layer, and a
    // hundred off-screen ones still cost every frame of a pan.
    const update = () => {
      const minArea = minLabelAreaKm2(map.getZoom());
      const near = map.getBounds().pad(0.5);
      for (const { label, marker } of markers) {
        const show = label.areaKm2 >= minArea && near.contains([label.lat, label.lon]);
        if (show && !labelsGroup.hasLayer(marker)) labelsGroup.addLayer(marker);
        else if (!show && labelsGroup.hasLayer(marker)) labelsGroup.removeLayer(marker);
      }
    };
    update();
    map.on('moveend', update);
    return () => {
      map.off('moveend', update);
      for (const { marker } of markers) labelsGroup.removeLayer(marker);
    };
  }, [map, labelsGroup]);

  return null;
}
