import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { QuoteHighlight } from './QuoteHighlight.tsx';
import { formatActors, formatDate } from './format.ts';
import { pipelineLengthKm } from './geometry.ts';

/*
 * Buttons inside a Leaflet popup use onClickCapture: Leaflet stops click propagation at the
 * popup container, so a bubbling click never reaches React's root listener; the capture phase
 * runs before that and does.
 */

/** Everything an analyst needs to judge one feature, with the sentence it came from. */
export function FeaturePopupContent({ feature, onOpenArticle }: { feature: NewsmapFeature; onOpenArticle: (articleId: string) => void }) {
  const p = feature.properties;
  const lengthKm = p.kind === 'pipeline' ? (p.length_km ?? pipelineLengthKm(feature)) : null;
  return (
    <article className="feature-popup" data-feature-id={feature.id}>
      <header>
        <span className={`kind-badge kind-badge--${p.kind}`}>{p.kind}</span>
        <h3>{p.title}</h3>
      </header>
      <dl>
        <dt>Date</dt>
        <dd>
          {formatDate(p)}
          {(p.date_precision === 'day' || p.date_precision === 'week') && <span className="precision"> ({p.date_precision} precision)</span>}
        </dd>
        <dt>Actors</dt>
        <dd>{formatActors(p)}</dd>
        <dt>Place</dt>
        <dd>
          {p.place_name}, {p.country} <span className="precision">({p.geo_precision} precision)</span>
        </dd>
        {p.status && (
          <>
            <dt>Status</dt>
            <dd>{p.status}</dd>
          </>
        )}
        {lengthKm !== null && (
          <>
            <dt>Length</dt>
            <dd>{Math.round(lengthKm).toLocaleString('en')} km</dd>
          </>
        )}
      </dl>
      <QuoteHighlight properties={p} />
      <footer>
        <div className="source">
          {p.article_title} <span className="published">({p.published})</span>
        </div>
        <button type="button" onClickCapture={() => onOpenArticle(p.article_id)}>
          Open article
        </button>
      </footer>
    </article>
  );
}
