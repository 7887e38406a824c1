/// <reference lib="webworker" />
import { ContextEngine, type ContextRequest, type Surface } from './contextEngine.ts';

/**
 * Places and paints the context labels and draws the division border tiles off the main thread:
 * measuring and stroking a hundred labels with halos, or a tile of a few thousand border
 * vertices, took tens of milliseconds on the page, each a dropped frame of a pan or zoom.
 */
declare const self: DedicatedWorkerGlobalScope;

const canvas = new OffscreenCanvas(1, 1);
const surface: Surface = {
  context(width, height) {
    // Resizing clears the canvas and resets its state, as a fresh one would be.
    canvas.width = width;
    canvas.height = height;
    return canvas.getContext('2d') as unknown as ReturnType<Surface['context']>;
  },
  bitmap: () => canvas.transferToImageBitmap(),
};

const engine = new ContextEngine(surface, (res, transfer) => self.postMessage(res, transfer ?? []));
self.onmessage = (event: MessageEvent<ContextRequest>) => engine.handle(event.data);
