/**
 * Saves text as a file through a temporary object URL. The content may be given as Blob
 * parts (an export's cached strings and pre-built Blobs): the Blob references them as they
 * are, so a 50 MB export never has to exist as one string.
 *
 * @example
 *   download('{"a":1}', 'a.json', 'application/json');
 *   download(['{"type":"FeatureCollection","features":[', runBlob, ']}'], 'all.geojson', 'application/geo+json');
 */
export function download(content: string | BlobPart[], fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob(typeof content === 'string' ? [content] : content, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
