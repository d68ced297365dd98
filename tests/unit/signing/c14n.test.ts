import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '#core/signing/c14n';
import { parseXml } from '#core/signing/opc';

/** lxml (libxml2's C14N 1.0, without comments) canonicalizes the first element named `target`. */
function lxmlC14n(xml: string, target: string): string {
  const script = [
    'import sys',
    'from lxml import etree',
    'root = etree.fromstring(sys.stdin.buffer.read())',
    'el = root if etree.QName(root).localname == sys.argv[1] else next(e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname == sys.argv[1])',
    'sys.stdout.buffer.write(etree.tostring(el, method="c14n", exclusive=False, with_comments=False))',
  ].join('\n');
  const r = spawnSync('/usr/bin/python3', ['-c', script, target], { input: xml, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

function ours(xml: string, target: string): string {
  const root = parseXml(xml);
  const find = (el: ReturnType<typeof parseXml>): ReturnType<typeof parseXml> | null => {
    if (el.localName === target) return el;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      const hit = c.nodeType === 1 ? find(c as ReturnType<typeof parseXml>) : null;
      if (hit) return hit;
    }
    return null;
  };
  return canonicalize(find(root)!);
}

const CASES: [string, string, string][] = [
  [
    'inherited default and prefixed namespaces on the apex',
    '<a xmlns="urn:a" xmlns:p="urn:p"><b Id="1"><c/></b></a>',
    'b',
  ],
  [
    'attribute order: unqualified by name, then by namespace URI',
    '<r xmlns:z="urn:a" xmlns:y="urn:b"><e z:k="1" b="2" y:a="3" a="4" xmlns:q="urn:q"/></r>',
    'e',
  ],
  [
    'escaping of text and attributes, CDATA as text, comments dropped',
    '<r><e a="&lt;&amp;&quot;&#9;&#10;&#13;&gt;">x &lt; y &amp; z &gt; w<![CDATA[ <cdata> ]]><!-- gone --></e></r>',
    'e',
  ],
  [
    'redundant redeclarations dropped, changed ones kept, default undeclared',
    '<r xmlns="urn:d" xmlns:p="urn:p"><e xmlns:p="urn:p"><f xmlns:p="urn:other"><g xmlns=""/></f></e></r>',
    'e',
  ],
  ['processing instructions inside the element', '<r><e><?pi data here?><?bare?></e></r>', 'e'],
  [
    'an XML-DSig Object as our signer writes it',
    '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="s"><Object Id="o"><xd:Q xmlns:xd="urn:x" Target="#s"><xd:P Id="p"><DigestValue>ab+/=</DigestValue></xd:P></xd:Q></Object></Signature>',
    'P',
  ],
];

describe('Canonical XML 1.0 (our own) agrees with libxml2 through lxml', () => {
  for (const [label, xml, target] of CASES) {
    it(label, () => {
      expect(ours(xml, target)).toBe(lxmlC14n(xml, target));
    });
  }
});
