import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import sax from 'sax';
import { Deadline } from '../../src/adapters/shared/deadline.js';
import { CANONICAL_PREFIX } from '../../src/adapters/xml/namespaces.js';
import { parseXmlStream, parseXmlString } from '../../src/adapters/xml/parse-stream.js';
import { type Attributes, XmlTokenizer } from '../../src/adapters/xml/tokenizer.js';
import { AppError } from '../../src/domain/shared/errors.js';

const OPTIONS = { part: 'test.xml', maxDepth: 64 };

/** Events as one list of strings: open (with attributes), close, and text merged between tags. */
class Trace {
  readonly events: string[] = [];
  private pending = '';

  open(name: string, attributes: [string, string][]): void {
    this.flush();
    const attrs = attributes.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    this.events.push(`<${name}${attrs ? ` ${attrs}` : ''}>`);
  }

  close(name: string): void {
    this.flush();
    this.events.push(`</${name}>`);
  }

  text(text: string): void {
    this.pending += text;
  }

  flush(): void {
    if (this.pending.length > 0) this.events.push(`text:${JSON.stringify(this.pending)}`);
    this.pending = '';
  }
}

/**
 * Runs our tokenizer; attribute names to look up come from sax's reading, canonicalised the
 * same way (an attribute without a prefix stays in no namespace).
 */
function ours(chunks: string[], attributeNames: string[][]): string[] {
  const trace = new Trace();
  let index = 0;
  const tokenizer = new XmlTokenizer(
    {
      open(name: string, attributes: Attributes) {
        const names = attributeNames[index++] ?? [];
        trace.open(
          name,
          names.map((n) => [n, attributes.get(n) ?? '<missing>']),
        );
      },
      close: (name) => trace.close(name),
      text: (text) => trace.text(text),
    },
    OPTIONS,
  );
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  trace.flush();
  return trace.events;
}

function canonical(prefix: string, local: string, uri: string, raw: string, attribute: boolean): string {
  if (attribute && prefix === '') return raw;
  const canon = CANONICAL_PREFIX[uri];
  return canon === undefined ? raw : `${canon}:${local}`;
}

/** sax in strict mode with namespaces, reduced to the same trace. */
function reference(xml: string): { events: string[]; attributeNames: string[][] } {
  const parser = sax.parser(true, { xmlns: true });
  const trace = new Trace();
  const stack: string[] = [];
  const attributeNames: string[][] = [];
  parser.onopentag = (node) => {
    const tag = node as sax.QualifiedTag;
    const name = canonical(tag.prefix, tag.local, tag.uri, tag.name, false);
    const attrs = Object.values(tag.attributes).map(
      (a) => [canonical(a.prefix, a.local, a.uri, a.name, true), a.value] as [string, string],
    );
    attributeNames.push(attrs.map(([n]) => n));
    stack.push(name);
    trace.open(name, attrs);
  };
  parser.onclosetag = () => trace.close(stack.pop() as string);
  parser.ontext = (t) => {
    if (stack.length > 0) trace.text(t);
  };
  parser.oncdata = (t) => trace.text(t);
  parser.onerror = (e) => {
    throw e;
  };
  parser.write(xml).close();
  trace.flush();
  return { events: trace.events, attributeNames };
}

/** A small seeded generator, so that every run tests the same documents. */
function random(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TEXTS = [
  'Bonjour',
  ' l’été ',
  'a &amp; b',
  '&lt;tag&gt;',
  '&#233;&#xE9;',
  '😀 ok',
  '  ',
  'x > y',
  '"q" \'a\'',
];
const ATTRIBUTES = [
  'val="a > b"',
  'val=\'il a dit "oui"\'',
  'val="l&apos;été &amp; &#x263A;"',
  'w:val = "2"',
  "t:c='3'",
  'xmlns:w="urn:other"',
  `xmlns:w="${W}"`,
  `xmlns="${TEXT_NS}"`,
  // Several attributes: the open-tag fast path jumps over quoted values.
  `a="x" b="l'y" xmlns:w="${W}"`,
  'c="1" d=\'2\' e="3"',
];
const EXTRAS = [
  '<![CDATA[ <not> a & tag ]]>',
  '<!-- a <comment> - with -dash -->',
  '<?pi some > data ?>',
  '<![CDATA[]]]]><![CDATA[>]]>',
];
const NAMES = ['a', 'w:p', 'w:t', 't:s', 'p', 'x:y'];

function generate(seed: number): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const element = (depth: number): string => {
    const name = pick(NAMES);
    const attrs = next() < 0.6 ? ` ${pick(ATTRIBUTES)}` : '';
    const space = next() < 0.3 ? '  ' : '';
    if (depth > 3 || next() < 0.2) return `<${name}${attrs}${space}/>`;
    let inner = '';
    const count = 1 + Math.floor(next() * 4);
    for (let i = 0; i < count; i++) {
      const r = next();
      inner += r < 0.4 ? element(depth + 1) : r < 0.8 ? pick(TEXTS) : pick(EXTRAS);
    }
    return `<${name}${attrs}>${inner}</${name}${space}>`;
  };
  const root = `<root xmlns:w="${W}" xmlns:t="${TEXT_NS}" xmlns:x="urn:x">${element(0)}${element(0)}</root>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- head -->${root}\n`;
}

test('differential: our tokenizer and sax agree on generated tricky documents, cut at every offset', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const xml = generate(seed);
    const expected = reference(xml);
    assert.deepEqual(ours([xml], expected.attributeNames), expected.events, `seed ${seed}: ${xml}`);
    for (let cut = 1; cut < xml.length; cut++) {
      const got = ours([xml.slice(0, cut), xml.slice(cut)], expected.attributeNames);
      assert.deepEqual(got, expected.events, `seed ${seed}, cut at ${cut}`);
    }
    assert.deepEqual(ours([...xml], expected.attributeNames), expected.events, `seed ${seed}, one by one`);
  }
});

test('elements are reported under canonical prefixes; a rebound prefix is restored after its scope', () => {
  const xml =
    `<r xmlns:q="${W}"><q:p/><s xmlns:q="urn:other"><q:p/></s><q:t>x</q:t>` +
    `<u xmlns="${W}"><p/></u><p/></r>`;
  const expected = reference(xml);
  const events = ours([xml], expected.attributeNames);
  assert.deepEqual(events, expected.events);
  assert.deepEqual(
    events.filter((e) => e.startsWith('<') && !e.startsWith('</')).map((e) => e.replace(/ .*>$/, '>')),
    ['<r>', '<w:p>', '<s>', '<q:p>', '<w:t>', '<w:u>', '<w:p>', '<p>'],
  );
});

function rejectsCode(xml: string | string[], code: string, maxDepth = 64): void {
  assert.throws(
    () => {
      // Attributes are parsed when a reader asks for one, as every reader does.
      const handler = {
        open: (_n: string, a: Attributes) => {
          a.get('x');
        },
        close() {},
        text() {},
      };
      const tokenizer = new XmlTokenizer(handler, { part: 'x.xml', maxDepth });
      for (const chunk of Array.isArray(xml) ? xml : [xml]) tokenizer.write(chunk);
      tokenizer.end();
    },
    (e: unknown) => {
      assert.ok(
        e instanceof AppError,
        `expected an AppError for ${String(xml).slice(0, 60)}, got ${String(e)}`,
      );
      assert.equal(e.code, code, String(xml).slice(0, 80));
      return true;
    },
  );
}

test('any DOCTYPE is refused, a billion-laughs payload first of all', () => {
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
    ']><lolz>&lol9;</lolz>';
  rejectsCode(laughs, 'XML_DOCTYPE');
  rejectsCode('<!DOCTYPE html><html/>', 'XML_DOCTYPE');
  rejectsCode(['<!DOC', 'TYPE x SYSTEM "file:///etc/passwd"><x/>'], 'XML_DOCTYPE');
  rejectsCode('<x><!ENTITY a "b"></x>', 'XML_DOCTYPE');
});

test('nesting deeper than the cap is refused', () => {
  rejectsCode('<a>'.repeat(65) + '</a>'.repeat(65), 'XML_TOO_DEEP');
  rejectsCode('<a>'.repeat(100_000), 'XML_TOO_DEEP', 256);
});

test('malformed documents: mismatched, unclosed, two roots, text outside, bad attributes', () => {
  rejectsCode('<a><b></a></b>', 'XML_MALFORMED');
  rejectsCode('<a><b>', 'XML_MALFORMED');
  rejectsCode('<a/><b/>', 'XML_MALFORMED');
  rejectsCode('texte<a/>', 'XML_MALFORMED');
  rejectsCode('<a x="1" y></a>', 'XML_MALFORMED');
  rejectsCode('<a x="1"<b/></a>', 'XML_MALFORMED');
  rejectsCode('', 'XML_MALFORMED');
  rejectsCode('<a><!-- never closed', 'XML_MALFORMED');
});

test('unknown entities and bad character references are refused, never expanded', () => {
  rejectsCode('<a>&nbsp;</a>', 'XML_MALFORMED');
  rejectsCode('<a>&lol9;</a>', 'XML_MALFORMED');
  rejectsCode('<a x="&foo;"/>', 'XML_MALFORMED');
  rejectsCode('<a>&#0;</a>', 'XML_MALFORMED');
  rejectsCode('<a>&#xD800;</a>', 'XML_MALFORMED');
  rejectsCode('<a>&#x110000;</a>', 'XML_MALFORMED');
});

test('random garbage never crashes the tokenizer: it is malformed', () => {
  const next = random(99);
  const alphabet = '<>/&;"=\' abc:!?-[]#x\n';
  for (let n = 0; n < 300; n++) {
    let s = '';
    for (let i = 0; i < 60; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    try {
      parseXmlString(s, { open() {}, close() {}, text() {} }, OPTIONS);
    } catch (e) {
      assert.ok(e instanceof AppError, `not an AppError for ${JSON.stringify(s)}: ${String(e)}`);
      assert.ok(['XML_MALFORMED', 'XML_DOCTYPE'].includes(e.code), e.code);
    }
  }
});

async function* chunksOf(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) {
    yield bytes.subarray(i, i + size);
    await sleep(0);
  }
}

test('a deadline passed while streaming stops the parse', async () => {
  const deadline = new Deadline(0);
  await sleep(5);
  const xml = `<a>${'<b>texte</b>'.repeat(1000)}</a>`;
  await assert.rejects(
    parseXmlStream(chunksOf(xml, 1000), { open() {}, close() {}, text() {} }, { ...OPTIONS, deadline }),
    (e: unknown) => e instanceof AppError && e.code === 'TIMEOUT',
  );
});

test('UTF-8 split inside a character and a UTF-16 byte-order mark are decoded', async () => {
  const xml = '<a>Éducation « spécialisée » 😀</a>';
  const seen: string[] = [];
  const handler = { open() {}, close() {}, text: (t: string) => seen.push(t) };
  await parseXmlStream(chunksOf(xml, 1), handler, OPTIONS);
  assert.equal(seen.join(''), 'Éducation « spécialisée » 😀');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
  const again: string[] = [];
  async function* one() {
    yield utf16;
  }
  await parseXmlStream(one(), { open() {}, close() {}, text: (t: string) => again.push(t) }, OPTIONS);
  assert.equal(again.join(''), 'Éducation « spécialisée » 😀');
});

test('a huge tag, comment or closing tag sent in small chunks is read in linear time', () => {
  const size = 16 * 1024 * 1024;
  const cases = [
    `<a x="${'y'.repeat(size)}"/>`,
    `<a><!--${'y'.repeat(size)}--></a>`,
    `<a></a${' '.repeat(size)}>`,
    `<a><![CDATA[${'y'.repeat(size)}]]></a>`,
  ];
  for (const xml of cases) {
    const started = Date.now();
    const seen: string[] = [];
    const handler = {
      open: (n: string, a: Attributes) => {
        seen.push(`${n}:${a.get('x')?.length}`);
      },
      close() {},
      text() {},
    };
    const tokenizer = new XmlTokenizer(handler, OPTIONS);
    for (let i = 0; i < xml.length; i += 65536) tokenizer.write(xml.slice(i, i + 65536));
    tokenizer.end();
    // Rescanning from the '<' on every chunk took about 20 s here; linear reading takes well under 1 s.
    assert.ok(Date.now() - started < 8000, `${xml.slice(0, 12)}… took ${Date.now() - started} ms`);
    assert.equal(seen[0], xml.startsWith('<a x') ? `a:${size}` : 'a:undefined');
  }
});
