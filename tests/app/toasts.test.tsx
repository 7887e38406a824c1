import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { act, useCallback, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Toasts, TOAST_MS } from '../../src/app/workflow/Toast.tsx';
import { MAX_UNDOABLE, NO_TOASTS, dismissToast, pushToast, type ToastStack } from '../../src/app/workflow/toastStack.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('toastStack', () => {
  it('keeps every recent Undo, the latest plain message, and unique keys, whatever the order', () => {
    const op = fc.oneof(
      fc.record({ push: fc.constant(true as const), undoable: fc.boolean() }),
      fc.record({ push: fc.constant(false as const), pick: fc.nat() }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      let s: ToastStack = NO_TOASTS;
      let pushed: { seq: number; undoable: boolean }[] = [];
      for (const o of ops) {
        if (o.push) {
          const seq = s.next;
          s = pushToast(s, `m${seq}`, o.undoable ? () => {} : undefined);
          pushed.push({ seq, undoable: o.undoable });
        } else if (s.items.length) {
          const seq = s.items[o.pick % s.items.length]!.seq;
          s = dismissToast(s, seq);
          pushed = pushed.filter((p) => p.seq !== seq);
        }
      }
      const seqs = s.items.map((t) => t.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      // Undoable: the newest MAX_UNDOABLE not dismissed. Plain: only the last pushed, if it was not dismissed or replaced.
      const undoable = pushed.filter((p) => p.undoable).map((p) => p.seq).slice(-MAX_UNDOABLE);
      expect(s.items.filter((t) => t.undo).map((t) => t.seq)).toEqual(undoable);
      const plain = s.items.filter((t) => !t.undo);
      expect(plain.length).toBeLessThanOrEqual(1);
      if (plain.length) expect(pushed.filter((p) => !p.undoable).at(-1)!.seq).toBe(plain[0]!.seq);
    }));
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
  let root: Root | null = null;
  let host: HTMLElement;
  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
    root = null;
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
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root!.render(<Harness />));
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
