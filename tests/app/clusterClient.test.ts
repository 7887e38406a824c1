import { describe, expect, it } from 'vitest';
import { ClusterClient, type ClusterPoints } from '../../src/worker/clusterClient.ts';
import { ClusterEngine } from '../../src/worker/clusterEngine.ts';
import type { ClusterRequest, ClusterResponse } from '../../src/worker/clusterProtocol.ts';

const points: ClusterPoints = {
  lon: Float64Array.from([51.39, 51.4, 51.41, 44.36]),
  lat: Float64Array.from([35.69, 35.7, 35.68, 33.31]),
  layer: Uint8Array.from([2, 2, 2, 2]),
  layers: 3,
};
const view = { zoom: 5, west: 20, south: 10, east: 60, north: 40 };

/** A stand-in for the worker thread: the real engine behind an asynchronous message port. */
class EngineWorker {
  onmessage: ((e: MessageEvent<ClusterResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly engine = new ClusterEngine();
  crashOnQuery = false;
  postMessage(req: ClusterRequest) {
    const copy = structuredClone(req);
    setTimeout(() => {
      if (this.crashOnQuery && copy.type === 'query') {
        this.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
        return;
      }
      const res = this.engine.handle(copy);
      if (res) this.onmessage?.({ data: res } as MessageEvent<ClusterResponse>);
    }, 1);
  }
  terminate() {}
}

describe('ClusterClient', () => {
  it('clusters in this thread when there is no Worker, with the filter mask applied', async () => {
    const client = new ClusterClient(null);
    client.load(points);
    const all = await client.query(view);
    expect([...all!.layers[2]!.count]).toEqual([3]);
    client.setMask(Uint8Array.from([1, 0, 1, 1]));
    const some = await client.query(view);
    expect(some!.layers[2]!.count.length).toBe(0);
    expect([...some!.layers[2]!.singles].sort()).toEqual([0, 2, 3]);
  });

  it('answers only the latest of overlapping queries', async () => {
    const client = new ClusterClient(() => new EngineWorker() as unknown as Worker);
    client.load(points);
    const first = client.query(view);
    const second = client.query({ ...view, zoom: 6 });
    expect(await first).toBeNull();
    expect(await second).not.toBeNull();
  });

  it('lists the members of a cluster cell under the current mask', async () => {
    const client = new ClusterClient(() => new EngineWorker() as unknown as Worker);
    client.load(points);
    const answer = await client.query(view);
    const cell = answer!.layers[2]!.cell[0]!;
    expect([...(await client.members(2, 5, cell, 10))]).toEqual([0, 1, 2]);
    client.setMask(Uint8Array.from([1, 1, 0, 1]));
    expect([...(await client.members(2, 5, cell, 10))]).toEqual([0, 1]);
  });

  it('falls back to this thread when the worker crashes, and still answers', async () => {
    let worker: EngineWorker | null = null;
    const client = new ClusterClient(() => (worker = new EngineWorker()) as unknown as Worker);
    client.load(points);
    client.setMask(Uint8Array.from([1, 1, 1, 0]));
    worker!.crashOnQuery = true;
    const answer = await client.query(view);
    expect([...answer!.layers[2]!.count]).toEqual([3]);
    expect(answer!.layers[2]!.singles.length).toBe(0);
  });

  it('clusters a filter change in this thread, exactly as the worker would, and drops older answers', async () => {
    const client = new ClusterClient(() => new EngineWorker() as unknown as Worker);
    client.load(points);
    const mask = Uint8Array.from([1, 0, 1, 1]);
    client.setMask(mask);
    const inFlight = client.query(view);
    const now = client.querySync(view);
    // The worker's answer to the earlier query predates the synchronous one: not drawn.
    expect(await inFlight).toBeNull();
    const reference = new ClusterEngine();
    reference.handle({ type: 'load', ...points });
    reference.handle({ type: 'mask', mask });
    const expected = reference.handle({ type: 'query', requestId: 1, view });
    expect(expected?.type === 'clusters' && now).toBeTruthy();
    if (expected?.type === 'clusters') expect(now!.layers).toEqual(expected.layers);
    // And a later worker query is answered as usual.
    expect((await client.query(view))!.layers).toEqual(now!.layers);
  });

  it('leaves corpora above the limit to the worker alone', () => {
    const client = new ClusterClient(() => new EngineWorker() as unknown as Worker);
    client.load(points, points.lon.length - 1);
    expect(client.querySync(view)).toBeNull();
    client.load(points, points.lon.length);
    expect(client.querySync(view)).not.toBeNull();
  });
});
