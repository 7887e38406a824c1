import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { mountHost, unmountHost } from '../helpers/reactHost.tsx';
import { ActorFilter } from '../../src/app/panels/ActorFilter.tsx';
import { KindFilter } from '../../src/app/panels/KindFilter.tsx';
import { EventTypeFilter, eventTypeRows } from '../../src/app/panels/EventTypeFilter.tsx';
import { CODED_EVENT_TYPES } from '../../src/core/geoparser/events/eventVocabulary.ts';
import { queryTable } from '../../src/core/engine/filter/queryTable.ts';
import { DEFAULT_FILTER } from '../../src/core/engine/filter/filterState.ts';
import type { NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';
import { DateRange } from '../../src/app/panels/DateRange.tsx';
import { ArticleReader, mentionSegments } from '../../src/app/panels/ArticleReader.tsx';
import { EventList } from '../../src/app/panels/EventList.tsx';
import { buildFeatureTable } from '../../src/core/engine/filter/featureTable.ts';
import { QuoteHighlight, mentionRange } from '../../src/app/map/QuoteHighlight.tsx';
import { SelectionContext, type Selection, type SelectionActions } from '../../src/app/state/selection.ts';
import { buildFixture, XSS } from '../e2e/support/fixture.ts';

let root: Root;
function render(ui: React.ReactNode): HTMLElement {
  const mounted = mountHost(ui);
  root = mounted.root;
  return mounted.host;
}
afterEach(unmountHost);

function selectionValue(overrides: Partial<Selection & SelectionActions> = {}) {
  return { selectedId: null, hoveredId: null, flySeq: 0, readerArticleId: null, select: vi.fn(), hover: vi.fn(), openReader: vi.fn(), ...overrides };
}

const { corpus, articles } = buildFixture();

describe('ActorFilter', () => {
  const actors = [
    { actor: 'Iran', count: 4 },
    { actor: 'Israel', count: 3 },
  ];

  it('is a group named Actors with a checkbox named by each actor', () => {
    const el = render(<ActorFilter actors={actors} selected={null} onChange={() => {}} />);
    const fieldset = el.querySelector('fieldset')!;
    expect(fieldset.querySelector('legend')!.textContent).toBe('Actors');
    const labels = [...fieldset.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels).toEqual(['Iran', 'Israel']);
    expect([...fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].every((c) => c.checked)).toBe(true);
    expect(fieldset.textContent).toContain('4');
  });

  it('unticking one restricts to the others; ticking all again clears the restriction', () => {
    const onChange = vi.fn();
    const el = render(<ActorFilter actors={actors} selected={null} onChange={onChange} />);
    act(() => el.querySelectorAll<HTMLInputElement>('input')[0]!.click());
    expect(onChange).toHaveBeenLastCalledWith(['Israel']);
    act(() => root.render(<ActorFilter actors={actors} selected={['Israel']} onChange={onChange} />));
    act(() => el.querySelectorAll<HTMLInputElement>('input')[0]!.click());
    expect(onChange).toHaveBeenLastCalledWith(null);
  });
});

describe('EventTypeFilter (issue 11)', () => {
  const types = [
    { type: 'Battles', count: 2 },
    { type: 'Explosions/Remote violence', count: 5 },
    { type: 'Violence against civilians', count: 0 },
  ];

  it('is a group named Event types with a checkbox named by each type, its count outside the name', () => {
    const el = render(<EventTypeFilter types={types} selected={null} onChange={() => {}} />);
    const fieldset = el.querySelector('fieldset')!;
    expect(fieldset.querySelector('legend')!.textContent).toBe('Event types');
    expect([...fieldset.querySelectorAll('label')].map((l) => l.textContent)).toEqual(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
    expect([...fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].every((c) => c.checked)).toBe(true);
    expect([...fieldset.querySelectorAll('.count')].map((c) => c.textContent)).toEqual(['2', '5', '0']);
  });

  it('unticking restricts to the others, down to none; ticking all again clears the restriction', () => {
    const onChange = vi.fn();
    const el = render(<EventTypeFilter types={types} selected={null} onChange={onChange} />);
    act(() => el.querySelectorAll<HTMLInputElement>('input')[0]!.click());
    expect(onChange).toHaveBeenLastCalledWith(['Explosions/Remote violence', 'Violence against civilians']);
    act(() => root.render(<EventTypeFilter types={types} selected={['Battles']} onChange={onChange} />));
    expect([...el.querySelectorAll<HTMLInputElement>('input')].map((i) => i.checked)).toEqual([true, false, false]);
    act(() => el.querySelectorAll<HTMLInputElement>('input')[0]!.click());
    expect(onChange).toHaveBeenLastCalledWith([]);
    act(() => root.render(<EventTypeFilter types={types} selected={['Battles', 'Violence against civilians']} onChange={onChange} />));
    act(() => el.querySelectorAll<HTMLInputElement>('input')[1]!.click());
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('lists the types newsmap codes on any corpus, with the counts of the table view', () => {
    const base = corpus.features[0]!;
    const typed = (id: string, event_type: string | undefined, kind: NewsmapFeature['properties']['kind'] = 'strike'): NewsmapFeature => ({ ...base, id, properties: { ...base.properties, kind, event_type } });
    const table = buildFeatureTable([typed('a', 'Battles'), typed('b', 'Battles'), typed('c', 'Riots'), typed('d', undefined, 'place')]);
    const view = queryTable(table, DEFAULT_FILTER);
    expect(eventTypeRows(CODED_EVENT_TYPES, table.eventTypes, view.eventTypeCounts, null)).toEqual([
      { type: 'Battles', count: 2 },
      { type: 'Explosions/Remote violence', count: 0 },
      { type: 'Violence against civilians', count: 0 },
      { type: 'Riots', count: 1 },
    ]);
    // An old corpus without types still gets the group, all at zero.
    const old = buildFeatureTable([typed('d', undefined, 'place')]);
    expect(eventTypeRows(CODED_EVENT_TYPES, old.eventTypes, queryTable(old, DEFAULT_FILTER).eventTypeCounts, null).map((r) => r.count)).toEqual([0, 0, 0]);
  });
});

describe('KindFilter and DateRange', () => {
  it('has a Kinds group with the four kinds', () => {
    const el = render(<KindFilter kinds={['strike', 'base']} counts={{ strike: 1, base: 2, pipeline: 0, place: 3 }} onChange={() => {}} />);
    expect(el.querySelector('legend')!.textContent).toBe('Kinds');
    expect([...el.querySelectorAll('label')].map((l) => l.textContent)).toEqual(['strike', 'base', 'pipeline', 'place']);
    expect([...el.querySelectorAll<HTMLInputElement>('input')].map((i) => i.checked)).toEqual([true, true, false, false]);
  });

  it('labels the date inputs From and To and explains undated features', () => {
    const el = render(<DateRange from="2024-01-01" to={null} includeUndated={false} undatedNote="3 undated facilities (bases, built pipelines) shown whatever the dates" onChange={() => {}} onIncludeUndated={() => {}} />);
    const from = el.querySelector<HTMLInputElement>('input[type=date]')!;
    expect(el.querySelector(`label[for="${from.id}"]`)!.textContent).toBe('From');
    expect(from.value).toBe('2024-01-01');
    expect(el.textContent).toContain('3 undated facilities (bases, built pipelines) shown whatever the dates.');
    const toggle = el.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(toggle.closest('label')!.textContent).toBe('Include undated events and mentions');
    expect(toggle.checked).toBe(false);
  });

  it('offers the undated toggle only under a date range', () => {
    const el = render(<DateRange from={null} to={null} includeUndated={false} undatedNote={null} onChange={() => {}} onIncludeUndated={() => {}} />);
    expect(el.querySelector('input[type=checkbox]')).toBeNull();
  });
});

describe('QuoteHighlight', () => {
  it('marks the mention inside the quote, as text', () => {
    const el = render(<QuoteHighlight properties={{ quote: `Hit near Isfahan ${XSS}`, mention: 'isfahan' }} />);
    expect(el.querySelector('mark')!.textContent).toBe('Isfahan');
    expect(el.textContent).toContain(XSS);
    expect(el.querySelector('img')).toBeNull();
    expect(mentionRange('abc', 'zzz')).toBeNull();
  });
});

describe('ArticleReader', () => {
  it('highlights every resolved mention and renders the text literally', () => {
    const article = articles.find((a) => a.id === 'a-xss')!;
    const feats = corpus.features.filter((f) => f.properties.article_id === article.id);
    const select = vi.fn();
    const el = render(
      <SelectionContext.Provider value={selectionValue({ select })}>
        <ArticleReader article={article} features={feats} visibleIds={new Set(feats.map((f) => f.id))} />
      </SelectionContext.Provider>,
    );
    expect(el.querySelector('.reader__text')!.textContent).toBe(article.text);
    expect(el.querySelector('img')).toBeNull();
    const mention = el.querySelector<HTMLButtonElement>('.mention')!;
    expect(mention.textContent).toBe('Baghdad International Airport');
    act(() => mention.click());
    expect(select).toHaveBeenCalledWith(feats[0]!.id, { fly: true });
  });

  it('re-anchors a stale span on the mention and drops overlaps', () => {
    const [f] = corpus.features;
    const text = `Intro. ${f!.properties.mention} again.`;
    const segs = mentionSegments(text, [f!, { ...f!, id: 'dup' }]);
    expect(segs).toHaveLength(1);
    expect(text.slice(segs[0]!.start, segs[0]!.end)).toBe(f!.properties.mention);
  });
});

describe('EventList', () => {
  it('sorts events by date, undated last, places after them, and supports arrow keys and Enter', () => {
    const select = vi.fn();
    const hover = vi.fn();
    const table = buildFeatureTable(corpus.features);
    const el = render(
      <SelectionContext.Provider value={selectionValue({ select, hover })}>
        <EventList table={table} indices={Uint32Array.from(table.features.keys())} />
      </SelectionContext.Provider>,
    );
    const options = [...el.querySelectorAll('[role=option]')];
    expect(options).toHaveLength(corpus.features.length);
    expect(options[0]!.textContent).toContain('Damascus');
    expect(options.at(-1)!.textContent).toContain('Karachi');
    expect(options.at(-2)!.textContent).toContain('undated');
    const list = el.querySelector<HTMLElement>('[role=listbox]')!;
    act(() => list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(hover).toHaveBeenLastCalledWith(expect.stringContaining('a-xss'));
    act(() => list.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(select).toHaveBeenCalledWith(expect.stringContaining('a-xss'), { fly: true });
  });
});
