import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Topology } from 'topojson-specification';
import { ringsFromTopology, type RingSet } from '../../src/core/engine/basemap/countryRings.ts';
import type { TileContext } from '../../src/core/engine/basemap/paintTile.ts';
import { createTileQueue } from '../../src/worker/tileQueue.ts';
import { BasemapEngine } from '../../src/worker/basemapEngine.ts';
import { BasemapClient } from '../../src/worker/basemapClient.ts';
import type { BasemapRequest, BasemapResponse } from '../../src/worker/basemapProtocol.ts';

/** Records path commands, standing in for Path2D (absent outside a browser). */
class RecordingPath {
  ops: string[] = [];
  moveTo() { this.ops.push('M'); }
  lineTo() { this.ops.push('L'); }
  closePath() { this.ops.push('Z'); }
}
vi.stubGlobal('Path2D', RecordingPath);
afterEach(() => vi.useRealTimers());

/** One square country around lon 40–60, lat 20–40 (Iran-ish). */
const rings: RingSet = ringsFromTopology(
  { type: 'Topology', arcs: [[[40, 20], [60, 20], [60, 40], [40, 40], [40, 20]]], objects: { countries: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]] }] } } } as unknown as Topology,
  'countries',
);
const style = { fill: '#f4f1ea', stroke: '#9aa5ad', weight: 0.8 };
/** The z4 512 px tile holding lon 40–60, lat 20–40, and one far from it. */
const LAND = { x: 4, y: 3, z: 4, tileSize: 512, dpr: 1 };
const SEA = { x: 0, y: 0, z: 4, tileSize: 512, dpr: 1 };

/** A manual loader: resolve('coarse'|'fine') lets that detail arrive. */
function loader() {
  const waiting = new Map<string, (r: RingSet) => void>();
  return {
    load: (detail: string) => new Promise<RingSet>((resolve) => waiting.set(detail, resolve)),
    resolve: async (detail: string) => {
      waiting.get(detail)!(rings);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

/** An engine whose queue runs when `drain()` is called, painting into a recording context. */
function engine() {
  const sent: BasemapResponse[] = [];
  const painted: { tile: typeof LAND; fills: number; ops: number }[] = [];
  let pendingDrain: (() => void) | null = null;
  const queue = createTileQueue(1000, (d) => (pendingDrain = d));
  const l = loader();
  const e = new BasemapEngine(
    l.load,
    (tile, paint) => {
      let fills = 0;
      let ops = 0;
      const ctx = {
        fillStyle: '', strokeStyle: '', lineWidth: 0, lineJoin: 'miter',
        fill: (p: RecordingPath) => { fills++; ops += p.ops.length; },
        stroke: () => {},
      } as unknown as TileContext;
      paint(ctx);
      painted.push({ tile, fills, ops });
      return { tile } as unknown as ImageBitmap;
    },
    (res) => sent.push(res),
    queue,
  );
  const drain = async () => {
    while (pendingDrain) {
      const d = pendingDrain;
      pendingDrain = null;
      d();
    }
    await new Promise((r) => setTimeout(r, 0));
  };
  return { e, sent, painted, drain, loader: l };
}

const draw = (id: number, tile = LAND): BasemapRequest => ({ type: 'draw', id, tile, style });

describe('basemap tile engine', () => {
  it('draws tiles asked for before the outlines loaded, in order, skipping cancelled ones', async () => {
    const { e, sent, painted, drain, loader: l } = engine();
    e.handle(draw(1));
    e.handle(draw(2, SEA));
    e.handle(draw(3));
    e.handle({ type: 'cancel', id: 2 });
    await drain();
    expect(sent).toEqual([]);
    await l.resolve('coarse');
    await drain();
    expect(sent.map((s) => s.type === 'tile' && s.id)).toEqual([1, 3]);
    // Land traced into the tile's fill path; the cancelled sea tile never painted.
    expect(painted.map((p) => p.tile)).toEqual([LAND, LAND]);
    expect(painted[0]!.ops).toBeGreaterThan(3);
  });

  it('draws with 1:110m above zoom 3 until 1:50m loads, says so, then announces 1:50m', async () => {
    const { e, sent, drain, loader: l } = engine();
    await l.resolve('coarse');
    e.handle(draw(1));
    e.handle(draw(2, { ...LAND, z: 3, x: 2, y: 1 }));
    await drain();
    expect(sent).toMatchObject([{ type: 'tile', id: 1, detail: 'coarse' }, { type: 'tile', id: 2, detail: 'final' }]);
    await l.resolve('fine');
    e.handle(draw(3));
    await drain();
    expect(sent.slice(2)).toMatchObject([{ type: 'fine' }, { type: 'tile', id: 3, detail: 'final' }]);
  });

  it('cancels a queued tile so it is never painted', async () => {
    const { e, sent, painted, drain, loader: l } = engine();
    await l.resolve('coarse');
    e.handle(draw(1));
    e.handle({ type: 'cancel', id: 1 });
    await drain();
    expect(sent).toEqual([]);
    expect(painted).toEqual([]);
  });
});

/** A stand-in for the worker thread: an engine behind an asynchronous message port. */
class EngineWorker {
  onmessage: ((e: MessageEvent<BasemapResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  crash = false;
  readonly received: BasemapRequest[] = [];
  postMessage(req: BasemapRequest) {
    this.received.push(req);
    setTimeout(() => {
      if (this.crash) {
        this.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
        return;
      }
      if (req.type === 'draw') this.onmessage?.({ data: { type: 'tile', id: req.id, bitmap: { close() {} } as unknown as ImageBitmap, detail: 'final' } } as MessageEvent<BasemapResponse>);
    }, 1);
  }
  terminate() {}
}

describe('BasemapClient', () => {
  it('hands each tile to its caller, and forwards a cancel for a tile not yet answered', async () => {
    const worker = new EngineWorker();
    const client = new BasemapClient(() => worker as unknown as Worker);
    const got: number[] = [];
    client.draw(LAND, style, () => got.push(1));
    const cancel = client.draw(SEA, style, () => got.push(2));
    cancel();
    await new Promise((r) => setTimeout(r, 10));
    expect(got).toEqual([1]);
    expect(worker.received.map((r) => r.type)).toEqual(['draw', 'draw', 'cancel']);
  });

  it('draws in this thread when the worker crashes, re-asking unanswered tiles', async () => {
    const worker = new EngineWorker();
    worker.crash = true;
    const local: BasemapRequest[] = [];
    let send: ((res: BasemapResponse) => void) | null = null;
    const client = new BasemapClient(
      () => worker as unknown as Worker,
      (s) => {
        send = s;
        return { handle: (req: BasemapRequest) => local.push(req) } as unknown as BasemapEngine;
      },
    );
    const got: string[] = [];
    client.draw(LAND, style, (_b, detail) => got.push(detail));
    await new Promise((r) => setTimeout(r, 10));
    expect(local).toMatchObject([{ type: 'draw', tile: LAND }]);
    send!({ type: 'tile', id: (local[0] as { id: number }).id, bitmap: {} as ImageBitmap, detail: 'coarse' });
    expect(got).toEqual(['coarse']);
  });
});
