import { useEffect, useState } from 'react';
import { startCorpusLoad, type Corpus } from './corpus.ts';

export type CorpusStatus = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; corpus: Corpus };

export function useCorpus(): CorpusStatus {
  const [status, setStatus] = useState<CorpusStatus>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    startCorpusLoad(window.location.search).then(
      (corpus) => !cancelled && setStatus({ state: 'ready', corpus }),
      (e: unknown) => !cancelled && setStatus({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return status;
}
