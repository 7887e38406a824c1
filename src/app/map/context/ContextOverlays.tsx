import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { createPortal } from 'react-dom';
import L from 'leaflet';
import { useLeafletContext } from '@react-leaflet/core';
import { ContextClient } from './contextClient.ts';
import { DivisionTiles } from './divisions.ts';
import { LabelCanvas } from './LabelCanvas.ts';
import { openPmtilesBasemap, PMTILES_PANE, type OpenedBasemap } from './pmtilesBasemap.ts';

export const CONTEXT_LABEL_PANE = 'contextLabels';
export const DIVISION_PANE = 'divisions';
const DIVISIONS_URL = new URL('../../../../data/world/divisions.json', import.meta.url).href;

/** Names in the layers control (tests and the docs use them). */
export const LAYERS_CONTROL_NAME = 'Map layers';
export const TOWN_LAYER_NAME = 'Towns and cities';
export const DIVISION_LAYER_NAME = 'States and provinces';

/** A layer that only switches something on while it is on the map (a layers-control entry). */
class Switch extends L.Layer {
  constructor(private readonly enable: (map: L.Map) => void, private readonly disable: () => void) {
    super();
  }
  override onAdd(map: L.Map): this {
    this.enable(map);
    return this;
  }
  override onRemove(): this {
    this.disable();
    return this;
  }
}

function pane(map: L.Map, name: string, zIndex: number): void {
  if (map.getPane(name)) return;
  const el = map.createPane(name);
  el.style.zIndex = String(zIndex);
  el.style.pointerEvents = 'none';
}

/**
 * The basemap's context below country level, as entries of the map's layers control (render it
 * inside <LayersControl>): town and city labels, and first-level division borders with names.
 * Both are on by default; their labels share one canvas, so none overlaps another.
 */
export function ContextOverlays({ countryLabels }: { countryLabels: L.LayerGroup | null }) {
  const { map, layersControl } = useLeafletContext();
  const countryRef = useRef(countryLabels);
  countryRef.current = countryLabels;
  const labelsRef = useRef<LabelCanvas | null>(null);

  useEffect(() => {
    if (!layersControl) return;
    pane(map, CONTEXT_LABEL_PANE, 340);
    pane(map, DIVISION_PANE, 160);
    const client = new ContextClient(new URL('data/labels/', document.baseURI).href, DIVISIONS_URL);
    const labels = (labelsRef.current = new LabelCanvas(client, CONTEXT_LABEL_PANE));
    const countriesShown = () => countryRef.current !== null && map.hasLayer(countryRef.current);
    labels.sources.countries = countriesShown();
    const use = (source: 'cities' | 'divisions', on: boolean) => {
      labels.setSources({ [source]: on, countries: countriesShown() });
      const any = labels.sources.cities || labels.sources.divisions;
      if (any && !map.hasLayer(labels)) map.addLayer(labels);
      else if (!any && map.hasLayer(labels)) map.removeLayer(labels);
    };
    const towns = new Switch(() => use('cities', true), () => use('cities', false));
    const borders = new DivisionTiles(client, { pane: DIVISION_PANE, colour: '#b6abbf', weight: 0.7 });
    const divisionGroup = L.layerGroup([borders, new Switch(() => use('divisions', true), () => use('divisions', false))]);
    // New towns or divisions arrived: place the view's labels again (tiles wait for their data).
    client.onData = () => labels.redraw();
    layersControl.addOverlay(towns, TOWN_LAYER_NAME);
    layersControl.addOverlay(divisionGroup, DIVISION_LAYER_NAME);
    map.addLayer(divisionGroup);
    map.addLayer(towns);
    return () => {
      labelsRef.current = null;
      layersControl.removeLayer(towns);
      layersControl.removeLayer(divisionGroup);
      map.removeLayer(towns);
      map.removeLayer(divisionGroup);
      if (map.hasLayer(labels)) map.removeLayer(labels);
      client.terminate();
    };
  }, [map, layersControl]);

  // Country labels come and go with their own toggle: keep clear of them.
  useEffect(() => {
    if (!countryLabels) return;
    const redraw = () => labelsRef.current?.setSources({ countries: map.hasLayer(countryLabels) });
    countryLabels.on('add remove', redraw);
    redraw();
    return () => {
      countryLabels.off('add remove', redraw);
    };
  }, [map, countryLabels]);

  return layersControl ? <LayersControlExtras map={map} control={layersControl} /> : null;
}

/**
 * The layers control made usable from the keyboard and by name: its toggle is a button called
 * "Map layers" that says whether the list is open; Enter or Space opens the list and moves into
 * it, Esc closes it and returns to the button, tabbing out closes it; and
 * at the end of the list, opening a PMTiles basemap from disk (and removing it).
 */
function LayersControlExtras({ map, control }: { map: L.Map; control: L.Control.Layers }) {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const [basemap, setBasemap] = useState<OpenedBasemap | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // react-leaflet adds the control to the map after its children's effects have run.
  const [container, setContainer] = useState<HTMLElement | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const find = () => {
      const el = control.getContainer();
      if (el) setContainer(el);
      else timer = setTimeout(find, 50);
    };
    find();
    return () => clearTimeout(timer);
  }, [control]);

  useEffect(() => {
    if (!container) return;
    const toggle = container.querySelector<HTMLAnchorElement>('.leaflet-control-layers-toggle');
    const list = container.querySelector<HTMLElement>('.leaflet-control-layers-list');
    if (!toggle || !list) return;
    toggle.setAttribute('aria-label', LAYERS_CONTROL_NAME);
    toggle.removeAttribute('title');
    list.setAttribute('role', 'group');
    list.setAttribute('aria-label', LAYERS_CONTROL_NAME);
    const sync = () => toggle.setAttribute('aria-expanded', String(container.classList.contains('leaflet-control-layers-expanded')));
    sync();
    const observer = new MutationObserver(sync);
    observer.observe(container, { attributes: true, attributeFilter: ['class'] });
    // Enter or Space opens the list and moves into it: Leaflet hides the button once the list
    // is open, which would otherwise drop the focus to the page.
    const onToggleKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' && e.key !== 'Enter') return;
      e.preventDefault();
      control.expand();
      list.querySelector<HTMLElement>('input, button')?.focus();
    };
    const collapse = () => {
      control.collapse();
      toggle.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !container.classList.contains('leaflet-control-layers-expanded')) return;
      e.stopPropagation();
      collapse();
    };
    // Tabbing out of the open list closes it, as the mouse leaving it does.
    const onFocusOut = (e: FocusEvent) => {
      const next = e.relatedTarget as Node | null;
      if (next && !container.contains(next) && container.classList.contains('leaflet-control-layers-expanded')) control.collapse();
    };
    toggle.addEventListener('keydown', onToggleKey);
    container.addEventListener('keydown', onKey);
    container.addEventListener('focusout', onFocusOut);
    const slotEl = document.createElement('div');
    slotEl.className = 'pmtiles-control';
    list.appendChild(slotEl);
    setSlot(slotEl);
    return () => {
      observer.disconnect();
      toggle.removeEventListener('keydown', onToggleKey);
      container.removeEventListener('keydown', onKey);
      container.removeEventListener('focusout', onFocusOut);
      slotEl.remove();
      setSlot(null);
    };
  }, [control, container]);

  // The opened basemap: on the map and in the control until removed.
  useEffect(() => {
    if (!basemap) return;
    pane(map, PMTILES_PANE, 155);
    const entry = `PMTiles basemap (${basemap.name})`;
    control.addOverlay(basemap.layer, entry);
    map.addLayer(basemap.layer);
    return () => {
      control.removeLayer(basemap.layer);
      map.removeLayer(basemap.layer);
    };
  }, [map, control, basemap]);

  const open = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const opened = await openPmtilesBasemap(file);
      setBasemap(opened);
      setMessage(`${opened.name}: zooms ${opened.minZoom}–${opened.maxZoom}, read from this computer.`);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (!slot) return null;
  return createPortal(
    <>
      <div className="leaflet-control-layers-separator" />
      <label className="pmtiles-control__open">
        Open PMTiles basemap…
        <input type="file" accept=".pmtiles" onChange={(e) => void open(e)} disabled={busy} />
      </label>
      {basemap && (
        <button type="button" className="pmtiles-control__remove" onClick={() => { setBasemap(null); setMessage(null); }}>
          Remove PMTiles basemap
        </button>
      )}
      {message && <p className="pmtiles-control__note" role="status">{message}</p>}
    </>,
    slot,
  );
}
