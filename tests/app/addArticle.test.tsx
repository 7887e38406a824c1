import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { mountHost, unmountHost } from '../helpers/reactHost.tsx';
import { AddArticlePanel } from '../../src/app/workflow/AddArticlePanel.tsx';
import { WorkflowContext, type WorkflowServices } from '../../src/app/workflow/workspaceContext.ts';
import { SelectionContext } from '../../src/app/state/selection.ts';
import { WorkspaceController } from '../../src/app/storage/controller.ts';
import { MemoryBackend } from '../../src/app/storage/memoryBackend.ts';
import type { GeoparseClient, ParseOutcome } from '../../src/worker/client.ts';
import type { Article } from '../../src/core/geoparser/article.ts';
import { buildFixture } from '../e2e/support/fixture.ts';

let host: HTMLElement;
afterEach(unmountHost);

const feature = buildFixture().corpus.features.find((f) => f.properties.place_name === 'Damascus')!;

function setup(parse: (a: Article) => Promise<ParseOutcome>) {
  const backend = new MemoryBackend();
  const controller = new WorkspaceController(backend);
  const geoparser = { parseText: vi.fn(parse), parseFile: vi.fn(), candidates: vi.fn() } as unknown as GeoparseClient;
  const toast = vi.fn();
  const onClose = vi.fn();
  const openReader = vi.fn();
  const services: WorkflowServices = { controller, geoparser, toast };
  host = mountHost(
    <WorkflowContext.Provider value={services}>
      <SelectionContext.Provider value={{ selectedId: null, hoveredId: null, flySeq: 0, readerArticleId: null, select: vi.fn(), hover: vi.fn(), openReader }}>
        <AddArticlePanel onClose={onClose} />
      </SelectionContext.Provider>
    </WorkflowContext.Provider>,
  ).host;
  return { backend, controller, toast, onClose, openReader };
}

function fill(label: string, value: string) {
  const el = [...host.querySelectorAll('label')].find((l) => l.textContent!.startsWith(label))!.querySelector('input, textarea') as HTMLInputElement;
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!;
  act(() => {
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit() {
  await act(async () => {
    host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

const wait = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));
const outcome = (a: Article): ParseOutcome => ({ collection: { type: 'FeatureCollection', features: [{ ...feature, properties: { ...feature.properties, article_id: a.id } }] }, text: a.text, ms: 1 });

describe('AddArticlePanel', () => {
  it('shows progress only once the parse takes over 300 ms, then adds and persists the article', async () => {
    const s = setup((a) => new Promise((r) => setTimeout(() => r(outcome(a)), 700)));
    fill('Title', 'Mine');
    fill('Published', '2024-03');
    fill('Article text', 'Israeli jets struck Damascus.');
    await submit();
    await wait(150);
    expect(host.querySelector('[role=status]')).toBeNull();
    await wait(300);
    expect(host.querySelector('[role=status]')?.textContent).toMatch(/…/);
    await wait(500);
    expect(s.controller.snapshot.workspace.articles).toHaveLength(1);
    expect(s.controller.snapshot.workspace.articles[0]).toMatchObject({ title: 'Mine', published: '2024-03', source: null });
    expect(s.backend.data.get('articles')!.size).toBe(1);
    expect(s.onClose).toHaveBeenCalled();
    expect(s.openReader).toHaveBeenCalledWith(s.controller.snapshot.workspace.articles[0]!.id);
  });

  it('a fast parse never flashes the progress', async () => {
    const s = setup(async (a) => outcome(a));
    const seen: boolean[] = [];
    const obs = new MutationObserver(() => seen.push(host.querySelector('[role=status]') !== null));
    obs.observe(host, { subtree: true, childList: true });
    fill('Published', '2024');
    fill('Article text', 'Israeli jets struck Damascus.');
    await submit();
    await wait(50);
    obs.disconnect();
    expect(seen.includes(true)).toBe(false);
    expect(s.controller.snapshot.workspace.articles).toHaveLength(1);
  });

  it('shows a worker error as one line and keeps nothing', async () => {
    const s = setup(async () => {
      throw new Error('pasted text: contains only whitespace\nstack');
    });
    fill('Published', '2024');
    fill('Article text', 'x');
    await submit();
    await wait(10);
    expect(host.querySelector('[role=alert]')!.textContent).toBe('pasted text: contains only whitespace');
    expect(s.controller.snapshot.workspace.articles).toEqual([]);
  });

  it('a failed write keeps the form open and reports it', async () => {
    const s = setup(async (a) => outcome(a));
    s.backend.failWrites = 'quota exceeded';
    fill('Published', '2024');
    fill('Article text', 'Israeli jets struck Damascus.');
    await submit();
    await wait(10);
    expect(s.onClose).not.toHaveBeenCalled();
    expect(s.controller.snapshot.workspace.articles).toEqual([]);
    expect(s.controller.snapshot.messages[0]).toMatch(/Could not save .*quota exceeded/);
  });
});
