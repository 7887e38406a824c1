/**
 * The notifications on screen, as plain data. An undoable action keeps its own toast until it
 * expires or is dismissed, so a second delete never takes away the first one's Undo. Plain
 * messages (an import's progress, "Added …") replace each other: only the latest is news.
 *
 * @example
 * let s = pushToast(NO_TOASTS, 'Deleted "A".', undoA);
 * s = pushToast(s, 'Deleted "B".', undoB); // two toasts, two Undo buttons
 * s = pushToast(s, 'Importing x: 40%…');   // three
 * s = pushToast(s, 'Importing x: 80%…');   // still three: the progress replaced itself
 */

export interface ToastEntry {
  /** Never reused in a stack's life: the React key, and what a timer dismisses. */
  seq: number;
  message: string;
  undo?: () => void;
}

export interface ToastStack {
  readonly next: number;
  readonly items: readonly ToastEntry[];
}

export const NO_TOASTS: ToastStack = { next: 1, items: [] };

/** More undoable toasts than this at once and the oldest gives way; ten seconds rarely hold so many. */
export const MAX_UNDOABLE = 5;

export function pushToast(stack: ToastStack, message: string, undo?: () => void): ToastStack {
  const entry: ToastEntry = undo ? { seq: stack.next, message, undo } : { seq: stack.next, message };
  const items = [...stack.items.filter((t) => undo || t.undo), entry];
  let excess = items.filter((t) => t.undo).length - MAX_UNDOABLE;
  return { next: stack.next + 1, items: excess > 0 ? items.filter((t) => !(t.undo && excess-- > 0)) : items };
}

export function dismissToast(stack: ToastStack, seq: number): ToastStack {
  return stack.items.some((t) => t.seq === seq) ? { next: stack.next, items: stack.items.filter((t) => t.seq !== seq) } : stack;
}
