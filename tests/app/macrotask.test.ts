import { describe, expect, it } from 'vitest';
import { postMacrotask } from '../../src/worker/macrotask.ts';

describe('postMacrotask', () => {
  it('runs tasks later than the current code and its microtasks, first in first out', async () => {
    const order: string[] = [];
    postMacrotask(() => order.push('a'));
    postMacrotask(() => order.push('b'));
    void Promise.resolve().then(() => order.push('microtask'));
    order.push('sync');
    await new Promise<void>((resolve) => postMacrotask(resolve));
    expect(order).toEqual(['sync', 'microtask', 'a', 'b']);
  });
});
