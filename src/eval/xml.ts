/**
 * A small, dependency-free XML reader for the evaluation corpora. Their formats are simple
 * (elements, attributes, CDATA, comments, the five predefined entities and numeric references),
 * so a full parser package is not needed. Text is kept exactly as written, whitespace included:
 * the gold offsets index it.
 *
 * @example
 * const root = parseXml('<a><b n="1">x &amp; y</b></a>');
 * textOf(childOf(root, 'b')!) // "x & y"
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  override name = 'XmlError';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces predefined entities and numeric references; an unknown entity is left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

const NAME = /[A-Za-z_:][\w:.-]*/y;
const ATTR = /\s*([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/**
 * Parses a whole document and returns its root element. Throws an XmlError naming the line of
 * the first structural problem (unclosed or mismatched tag), so a damaged corpus fails loudly.
 */
export function parseXml(src: string): XmlElement {
  const top: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [top];
  let i = 0;
  const n = src.length;
  const lineAt = (pos: number) => src.slice(0, pos).split('\n').length;
  const fail = (msg: string, pos: number): never => {
    throw new XmlError(`${msg} (line ${lineAt(pos)})`);
  };
  while (i < n) {
    const lt = src.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) appendText(stack[stack.length - 1]!, decodeEntities(src.slice(i, end)));
    if (lt < 0) break;
    i = lt;
    if (src.startsWith('<!--', i)) {
      const close = src.indexOf('-->', i + 4);
      if (close < 0) fail('unclosed comment', i);
      i = close + 3;
    } else if (src.startsWith('<![CDATA[', i)) {
      const close = src.indexOf(']]>', i + 9);
      if (close < 0) fail('unclosed CDATA section', i);
      appendText(stack[stack.length - 1]!, src.slice(i + 9, close));
      i = close + 3;
    } else if (src.startsWith('<?', i)) {
      const close = src.indexOf('?>', i + 2);
      if (close < 0) fail('unclosed processing instruction', i);
      i = close + 2;
    } else if (src.startsWith('<!', i)) {
      // A DOCTYPE without an internal subset: nothing the corpora need.
      const close = src.indexOf('>', i + 2);
      if (close < 0) fail('unclosed declaration', i);
      i = close + 1;
    } else if (src[i + 1] === '/') {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(src);
      const close = src.indexOf('>', i);
      if (!m || close < 0) fail('malformed end tag', i);
      const open = stack.pop();
      if (!open || open === top || open.name !== m![0]) fail(`end tag </${m![0]}> does not match <${open?.name ?? ''}>`, i);
      i = close + 1;
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(src);
      if (!m) fail('malformed start tag', i);
      const el: XmlElement = { name: m![0], attrs: {}, children: [] };
      let j = NAME.lastIndex;
      for (;;) {
        ATTR.lastIndex = j;
        const a = ATTR.exec(src);
        if (!a) break;
        el.attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
        j = ATTR.lastIndex;
      }
      while (j < n && /\s/.test(src[j]!)) j++;
      stack[stack.length - 1]!.children.push(el);
      if (src.startsWith('/>', j)) {
        i = j + 2;
      } else if (src[j] === '>') {
        stack.push(el);
        i = j + 1;
      } else {
        fail(`malformed start tag <${el.name}>`, i);
      }
    }
  }
  if (stack.length > 1) fail(`unclosed element <${stack[stack.length - 1]!.name}>`, n);
  const root = top.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!root) throw new XmlError('no root element');
  return root;
}

/** Adjacent text and CDATA join into one string, so offsets into an element's text are simple. */
function appendText(el: XmlElement, s: string): void {
  const last = el.children.length - 1;
  if (last >= 0 && typeof el.children[last] === 'string') el.children[last] = (el.children[last] as string) + s;
  else el.children.push(s);
}

/** The element's child elements named `name`, in document order. */
export function childrenOf(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The first child element named `name`. */
export function childOf(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** All text inside the element, nested elements included, exactly as decoded. */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textOf(c);
  return s;
}

/** The trimmed text of a child element, or null when it is absent or empty. */
export function fieldOf(el: XmlElement, name: string): string | null {
  const c = childOf(el, name);
  if (!c) return null;
  const t = textOf(c).trim();
  return t === '' ? null : t;
}
