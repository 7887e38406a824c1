import { readFileSync, statSync } from 'node:fs';

/** Articles larger than this are refused: news articles are kilobytes, not tens of megabytes. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/** A file that cannot be used as an article; the message is one line and names the file. */
export class ArticleFileError extends Error {
  override name = 'ArticleFileError';
}

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
  if (size > MAX_ARTICLE_BYTES) {
    throw new ArticleFileError(`${path}: too large (${(size / 1048576).toFixed(1)} MB); the limit is ${MAX_ARTICLE_BYTES / 1048576} MB per article`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ArticleFileError(`${path}: ${ioReason(e)}`);
  }
  return decodeArticle(bytes, path);
}

/** Decodes article bytes, with the same checks as readArticleFile (shared with the browser worker). */
export function decodeArticle(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new ArticleFileError(`${name}: empty file`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new ArticleFileError(`${name}: binary file (NUL byte at offset ${nul}); expected UTF-8 text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleFileError(`${name}: not valid UTF-8 (line ${firstInvalidLine(bytes)}); convert it, e.g. iconv -f latin1 -t utf-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new ArticleFileError(`${name}: contains only whitespace`);
  return text;
}

function firstInvalidLine(bytes: Uint8Array): number {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(lineStart, i));
      } catch {
        return line;
      }
      line++;
      lineStart = i + 1;
    }
  }
  return line;
}

function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (cannot read the file)';
  if (code === 'EISDIR') return 'is a directory, not an article file';
  return `cannot read (${code ?? (e as Error).message})`;
}
