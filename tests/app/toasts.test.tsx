import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { act, useCallback, useState } from 'react';
import { mountHost, unmountHost } from '../helpers/reactHost.tsx';
import { Toasts, TOAST_MS } from '../../src/app/workflow/Toast.tsx';
import { MAX_UNDOABLE, NO_TOASTS, dismissToast, pushToast, type ToastStack } from '../../src/app/workflow/toastStack.ts';


describe('toastStack', () => {
  it('keeps every recent Undo, the latest plain message, and unique keys, whatever the order', () => {
    const op = fc.oneof(
      fc.record({ push: fc.constant(true as const), undoable: fc.boolean() }),
      fc.record({ push: fc.constant(false as const), pick: fc.nat() }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      let s: ToastStack = NO_TOASTS;
      // The model: what should be on screen, oldest first.
      let live: { seq: number; undoable: boolean }[] = [];
      for (const o of ops) {
        if (o.push) {
          const seq = s.next;
          s = pushToast(s, `m${seq}`, o.undoable ? () => {} : undefined);
          // A plain message replaces the plain one; an Undo past the limit evicts the oldest Undo.
          if (!o.undoable) live = live.filter((p) => p.undoable);
          live.push({ seq, undoable: o.undoable });
          const undoable = live.filter((p) => p.undoable);
          if (undoable.length > MAX_UNDOABLE) live = live.filter((p) => p !== undoable[0]);
        } else if (s.items.length) {
          const seq = s.items[o.pick % s.items.length]!.seq;
          s = dismissToast(s, seq);
          live = live.filter((p) => p.seq !== seq);
        }
      }
      expect(s.items.map((t) => [t.seq, Boolean(t.undo)])).toEqual(live.map((p) => [p.seq, p.undoable]));
      const seqs = s.items.map((t) => t.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(s.items.filter((t) => t.undo).length).toBeLessThanOrEqual(MAX_UNDOABLE);
      expect(s.items.filter((t) => !t.undo).length).toBeLessThanOrEqual(1);
    }), { numRuns: 5000 });
  });

  it('drops the oldest Undo only past the limit', () => {
    let s = NO_TOASTS;
    for (let i = 1; i <= MAX_UNDOABLE + 1; i++) s = pushToast(s, `Deleted ${i}.`, () => {});
    expect(s.items.map((t) => t.message)).toEqual(Array.from({ length: MAX_UNDOABLE }, (_, i) => `Deleted ${i + 2}.`));
  });

  it('lets a progress message replace itself and never an Undo', () => {
    let s = pushToast(NO_TOASTS, 'Deleted "A".', () => {});
    s = pushToast(s, 'Importing x: 40%…');
    s = pushToast(s, 'Importing x: 80%…');
    s = pushToast(s, 'Deleted "B".', () => {});
    expect(s.items.map((t) => t.message)).toEqual(['Deleted "A".', 'Importing x: 80%…', 'Deleted "B".']);
  });
});

describe('Toasts', () => {
  let host: HTMLElement;
  afterEach(() => {
    unmountHost();
    vi.useRealTimers();
  });

  let push: (message: string, undo?: () => void) => void = () => {};
  function Harness() {
    const [s, setS] = useState(NO_TOASTS);
    push = (m, u) => setS((x) => pushToast(x, m, u));
    const dismiss = useCallback((seq: number) => setS((x) => dismissToast(x, seq)), []);
    return <Toasts items={s.items} onDismiss={dismiss} />;
  }

  function mount() {
    host = mountHost(<Harness />).host;
  }
  const toasts = () => [...host.querySelectorAll('[role=status]')].map((t) => t.querySelector('span')!.textContent);
  const undoOf = (text: string) => [...host.querySelectorAll('[role=status]')].find((t) => t.textContent!.includes(text))!.querySelector('button')!;

  it('offers Undo for two deletes in a row, and each Undo undoes its own', () => {
    mount();
    const undoA = vi.fn();
    const undoB = vi.fn();
    act(() => push('Deleted "A".', undoA));
    act(() => push('Deleted "B".', undoB));
    expect(toasts()).toEqual(['Deleted "A".', 'Deleted "B".']);
    act(() => undoOf('"A"').click());
    expect(undoA).toHaveBeenCalledTimes(1);
    expect(undoB).not.toHaveBeenCalled();
    expect(toasts()).toEqual(['Deleted "B".']);
  });

  it('gives each toast its own ten seconds', () => {
    vi.useFakeTimers();
    mount();
    act(() => push('Deleted "A".', () => {}));
    act(() => void vi.advanceTimersByTime(TOAST_MS / 2));
    act(() => push('Deleted "B".', () => {}));
    act(() => void vi.advanceTimersByTime(TOAST_MS / 2));
    expect(toasts()).toEqual(['Deleted "B".']);
    act(() => void vi.advanceTimersByTime(TOAST_MS / 2));
    expect(toasts()).toEqual([]);
  });

  it('renders a message as text, never as markup', () => {
    mount();
    act(() => push('Deleted "<img src=x onerror=alert(1)>".'));
    expect(host.querySelector('img')).toBeNull();
    expect(toasts()).toEqual(['Deleted "<img src=x onerror=alert(1)>".']);
  });
});
