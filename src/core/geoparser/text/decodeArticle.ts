/** Bytes that cannot be used as an article; the message is one line and names the file. */
export class ArticleFileError extends Error {
  override name = 'ArticleFileError';
}

/** Articles larger than this are refused: news articles are kilobytes, not tens of megabytes. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/** Refuses an article over the limit, with the limit in the message. */
export function checkArticleSize(bytes: number, name: string): void {
  if (bytes > MAX_ARTICLE_BYTES) {
    throw new ArticleFileError(`${name}: too large (${(bytes / 1048576).toFixed(1)} MB); the limit is ${MAX_ARTICLE_BYTES / 1048576} MB per article`);
  }
}

/** Decodes article bytes, with the same checks as readArticleFile (the CLI and the browser worker share them). */
export function decodeArticle(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new ArticleFileError(`${name}: empty file`);
  checkArticleSize(bytes.length, name);
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

