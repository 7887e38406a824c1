import { readFileSync, statSync } from 'node:fs';
import { ArticleFileError, checkArticleSize, decodeArticle } from '../core/geoparser/text/decodeArticle.ts';


export { ArticleFileError };

/**
 * Reads an article file as UTF-8 text. Refuses, with a one-line reason: a missing or
 * unreadable file, a directory, an empty or whitespace-only file, a binary file (NUL bytes),
 * invalid UTF-8 (e.g. Latin-1), and files over MAX_ARTICLE_BYTES. A UTF-8 BOM is dropped.
 */
export function readArticleFile(path: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ArticleFileError(`${path}: is a directory, not an article file`);
    size = st.size;
  } catch (e) {
    if (e instanceof ArticleFileError) throw e;
    throw new ArticleFileError(`${path}: ${ioReason(e)}`);
  }
  checkArticleSize(size, path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ArticleFileError(`${path}: ${ioReason(e)}`);
  }
  return decodeArticle(bytes, path);
}

function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (cannot read the file)';
  if (code === 'EISDIR') return 'is a directory, not an article file';
  return `cannot read (${code ?? (e as Error).message})`;
}
