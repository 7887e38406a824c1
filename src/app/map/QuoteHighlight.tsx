import type { FeatureProperties } from '../../core/geoparser/geojson/schema.ts';

/**
 * Where the mention sits inside the quote. `span` indexes the article, not the quote, so the
 * mention is located in the quote: exact first, then case-insensitively.
 */
export function mentionRange(quote: string, mention: string): [number, number] | null {
  if (mention === '') return null;
  let at = quote.indexOf(mention);
  if (at < 0) at = quote.toLocaleLowerCase().indexOf(mention.toLocaleLowerCase());
  return at < 0 ? null : [at, at + mention.length];
}

/** The quote as text with the mention in a <mark>; React escapes everything. */
export function QuoteHighlight({ properties }: { properties: Pick<FeatureProperties, 'quote' | 'mention'> }) {
  const { quote, mention } = properties;
  const range = mentionRange(quote, mention);
  if (!range) return <q className="quote">{quote}</q>;
  return (
    <q className="quote">
      {quote.slice(0, range[0])}
      <mark>{quote.slice(range[0], range[1])}</mark>
      {quote.slice(range[1])}
    </q>
  );
}
