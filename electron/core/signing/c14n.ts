/**
 * Canonical XML 1.0 (inclusive, without comments) of one element and its
 * descendants — what XML-DSig digests and signs. Enough for the signature
 * XML we read and write: elements, attributes, text, CDATA and processing
 * instructions; comments are dropped. Written against the W3C rules: the apex
 * element renders every namespace in scope (inherited ones included), a
 * descendant only those that differ from its parent's; namespace declarations
 * come first (default, then by prefix), then attributes by namespace URI and
 * local name; empty elements get an end tag; text and attribute values are
 * escaped as the spec says.
 */
import type { Element as XElement, Node as XNode, Attr as XAttr } from '@xmldom/xmldom';

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const PI = 7;
const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';

type NsMap = ReadonlyMap<string, string>;

const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');

export const escapeAttr = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');

const isNsDecl = (a: XAttr): boolean => a.name === 'xmlns' || a.name.startsWith('xmlns:');
const declPrefix = (a: XAttr): string => (a.name === 'xmlns' ? '' : a.name.slice(6));

/** The namespace declarations in scope at `el`, walking up its ancestors. */
function inScope(el: XElement): Map<string, string> {
  const chain: XElement[] = [];
  for (let n: XNode | null = el; n && n.nodeType === ELEMENT; n = n.parentNode) chain.unshift(n as XElement);
  const map = new Map<string, string>();
  for (const e of chain) applyDecls(e, map);
  return map;
}

function applyDecls(el: XElement, map: Map<string, string>): void {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (isNsDecl(a)) map.set(declPrefix(a), a.value);
  }
}

function compareAttrs(a: XAttr, b: XAttr): number {
  const na = a.namespaceURI ?? '';
  const nb = b.namespaceURI ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  const la = a.localName ?? a.name;
  const lb = b.localName ?? b.name;
  return la < lb ? -1 : la > lb ? 1 : 0;
}

function renderElement(el: XElement, rendered: NsMap, scope: Map<string, string>, out: string[]): void {
  const own = new Map(scope);
  applyDecls(el, own);
  const decls: [string, string][] = [];
  for (const [prefix, uri] of own) {
    const before = rendered.get(prefix);
    // xmlns="" is only output to undo a default namespace rendered above.
    if (prefix === '' && uri === '' && (before === undefined || before === '')) continue;
    if (before !== uri) decls.push([prefix, uri]);
  }
  decls.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const attrs: XAttr[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (!isNsDecl(a) && a.namespaceURI !== XMLNS_URI) attrs.push(a);
  }
  attrs.sort(compareAttrs);
  out.push('<', el.tagName);
  for (const [prefix, uri] of decls) out.push(prefix ? ` xmlns:${prefix}="` : ' xmlns="', escapeAttr(uri), '"');
  for (const a of attrs) out.push(' ', a.name, '="', escapeAttr(a.value), '"');
  out.push('>');
  const nextRendered = new Map(rendered);
  for (const [prefix, uri] of decls) nextRendered.set(prefix, uri);
  for (let c = el.firstChild; c; c = c.nextSibling) renderNode(c, nextRendered, own, out);
  out.push('</', el.tagName, '>');
}

function renderNode(node: XNode, rendered: NsMap, scope: Map<string, string>, out: string[]): void {
  if (node.nodeType === ELEMENT) renderElement(node as XElement, rendered, scope, out);
  else if (node.nodeType === TEXT || node.nodeType === CDATA) out.push(escapeText(node.nodeValue ?? ''));
  else if (node.nodeType === PI) {
    const data = node.nodeValue ?? '';
    out.push('<?', node.nodeName, data ? ` ${data}` : '', '?>');
  }
  // comments and anything else: not part of the canonical form
}

/** The canonical form of `el` as a document subset (the element with everything inside it). */
export function canonicalize(el: XElement): string {
  const out: string[] = [];
  const parent = el.parentNode;
  const scope = parent && parent.nodeType === ELEMENT ? inScope(parent as XElement) : new Map<string, string>();
  renderElement(el, new Map(), scope, out);
  return out.join('');
}
