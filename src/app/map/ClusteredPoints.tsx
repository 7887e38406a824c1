import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { CLUSTER_MAX_ZOOM, type LayerClusters } from '../../core/engine/cluster/gridClusters.ts';
import { pointsOfTable, POINT_LAYERS as LAYERS } from '../../core/engine/cluster/tablePoints.ts';
import type { FeatureTable } from '../../core/engine/filter/featureTable.ts';
import { ClusterClient } from '../../worker/clusterClient.ts';
import { PointLayer, type ClusterHit } from './PointLayer.tsx';
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
  return (
    <>
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
        />
      ))}
    </>
  );
}
