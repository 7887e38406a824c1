import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

// React warns unless tests declare that they wrap updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;

/**
 * Renders `ui` into a fresh element attached to the document, for component tests in
 * happy-dom. Call `unmountHost` in afterEach.
 *
 * @example
 * afterEach(unmountHost);
 * const { host } = mountHost(<Legend … />);
 */
export function mountHost(ui: ReactNode): { host: HTMLElement; root: Root } {
  unmountHost();
  const el = document.createElement('div');
  document.body.append(el);
  const r = createRoot(el);
  act(() => r.render(ui));
  host = el;
  root = r;
  return { host: el, root: r };
}

/** Unmounts what `mountHost` rendered and removes its element. */
export function unmountHost(): void {
  const r = root;
  if (r) act(() => r.unmount());
  host?.remove();
  root = null;
  host = null;
}
