import { useEffect, useRef, useState } from 'react';
import type { StoredArticle } from '../../core/engine/project/projectFile.ts';
import type { ParseOutcome } from '../../worker/client.ts';
import { useSelection } from '../state/selection.ts';
import { featureBounds } from '../map/geometry.ts';
import { requestFit } from '../map/FitRequests.tsx';
import { newArticleId, publishedProblem, sourceUrl } from './articleForm.ts';
import { useWorkflow } from './workspaceContext.ts';

/**
 * Paste an article or drop a .txt file, give it a title, a published date and an optional
 * source; the worker geoparses it and the features join the corpus. Progress appears only when
 * the parse takes longer than 300 ms; a failure is one line.
 */
export function AddArticlePanel({ onClose }: { onClose: () => void }) {
  const { controller, geoparser, toast } = useWorkflow();
  const { openReader } = useSelection();
  const [title, setTitle] = useState('');
  const [published, setPublished] = useState('');
  const [source, setSource] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);

  // Opening the panel moves the focus into its form; closing it (Esc, Cancel, a finished add)
  // gives the focus back to whatever opened it (the "Add article" button).
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    form.current?.querySelector<HTMLInputElement>('input')?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  // Esc closes it, from anywhere (unless a control inside handled Esc itself).
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) close.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const takeFile = (f: File | undefined) => {
    if (!f) return;
    if (!/\.txt$/i.test(f.name)) return setError(`${f.name}: only .txt files can be added`);
    setFile(f);
    setError(null);
    if (!title) setTitle(f.name.replace(/\.txt$/i, ''));
  };

  const submit = async () => {
    const problem = publishedProblem(published) ?? sourceUrl(source).problem;
    if (problem) return setError(problem);
    if (!file && !text.trim()) return setError('Paste the article text or drop a .txt file');
    setError(null);
    setBusy(true);
    const id = newArticleId();
    const meta = { id, title: title.trim() || 'Untitled article', published: published.trim(), source: sourceUrl(source).url };
    let stage = 'Starting';
    const timer = window.setTimeout(() => setProgress(stage), 300);
    const onProgress = (s: 'gazetteer' | 'parsing' | 'importing') => {
      stage = s === 'gazetteer' ? 'Loading the gazetteer' : 'Geoparsing';
      setProgress((p) => (p === null ? p : stage));
    };
    try {
      const user = controller.snapshot.workspace.userGazetteer;
      const outcome: ParseOutcome = file ? await geoparser.parseFile(await file.arrayBuffer(), file.name, meta, onProgress, user) : await geoparser.parseText({ ...meta, text }, onProgress, user);
      const article: StoredArticle = { ...meta, text: outcome.text, added: new Date().toISOString(), features: outcome.collection.features };
      if (await controller.addArticle(article)) {
        const n = article.features.length;
        toast(`Added "${meta.title}": ${n} feature${n === 1 ? '' : 's'}${n === 0 ? ' (no places found)' : ''}.`);
        openReader(id);
        // Show where the new article is: the map fits its features (strike origins included).
        const bounds = featureBounds(article.features);
        if (bounds) requestFit(bounds);
        onClose();
      }
    } catch (e) {
      setError((e instanceof Error ? e.message : String(e)).split('\n')[0]!);
    } finally {
      window.clearTimeout(timer);
      setProgress(null);
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      className="add-article"
      aria-label="Add article"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>Add article</h2>
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Published <input value={published} placeholder="YYYY-MM-DD, YYYY-MM or YYYY" onChange={(e) => setPublished(e.target.value)} required />
      </label>
      <label>
        Source URL <input type="url" value={source} placeholder="https://…" onChange={(e) => setSource(e.target.value)} />
      </label>
      <label>
        Article text
        <textarea
          value={text}
          rows={8}
          disabled={file !== null}
          placeholder="Paste the article here, or drop a .txt file"
          onChange={(e) => setText(e.target.value)}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            takeFile(e.dataTransfer.files[0]);
          }}
        />
      </label>
      <label>
        Text file <input ref={fileInput} type="file" accept=".txt,text/plain" onChange={(e) => takeFile(e.target.files?.[0])} />
      </label>
      {file && (
        <p className="hint">
          Using {file.name}{' '}
          <button type="button" className="link" onClick={() => { setFile(null); if (fileInput.current) fileInput.current.value = ''; }}>
            remove
          </button>
        </p>
      )}
      {progress && (
        <p role="status" className="progress">
          {progress}… <progress aria-label="Geoparsing progress" />
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={busy}>
          Parse and add
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
