/**
 * Runs `task` in a task of its own, after whatever the event loop has queued (rendering,
 * input, messages), without the 4 ms clamp nested timeouts get. One MessageChannel serves
 * every caller, first in first out. Works in the page and in workers.
 *
 * @example
 * await new Promise<void>((resolve) => postMacrotask(resolve)); // yield to the page
 */
const queued: (() => void)[] = [];
let channel: MessageChannel | null = null;

export function postMacrotask(task: () => void): void {
  if (channel === null) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queued.shift()?.();
  }
  queued.push(task);
  channel.port2.postMessage(null);
}
