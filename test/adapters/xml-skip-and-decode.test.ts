import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseXmlStream } from '../../src/adapters/xml/parse-stream.js';
import { XmlTokenizer } from '../../src/adapters/xml/tokenizer.js';
import { AppError } from '../../src/domain/shared/errors.js';

const OPTIONS = { part: 'test.xml', maxDepth: 64 };

/** Reads xml in the given pieces, skipping the content of elements named in `skip`; the events. */
function read(pieces: string[], skip: ReadonlySet<string>): string[] {
  const events: string[] = [];
  const tokenizer = new XmlTokenizer(
    {
      open(name) {
        events.push(`<${name}>`);
        return skip.has(name);
      },
      close: (name) => events.push(`</${name}>`),
      text: (text) => events.push(`"${text}"`),
    },
    OPTIONS,
  );
  for (const piece of pieces) tokenizer.write(piece);
  tokenizer.end();
  // Text may come in pieces: merge neighbours so that every cut gives the same list.
  return events.reduce<string[]>((out, e) => {
    const last = out[out.length - 1];
    if (e.startsWith('"') && last?.startsWith('"')) out[out.length - 1] = `${last.slice(0, -1)}${e.slice(1)}`;
    else out.push(e);
    return out;
  }, []);
}

/** The document cut in two at every offset, and in pieces of 1, 2, 3 and 7 characters. */
function cuts(xml: string): string[][] {
  const out: string[][] = [[xml]];
  for (let i = 1; i < xml.length; i++) out.push([xml.slice(0, i), xml.slice(i)]);
  for (const size of [1, 2, 3, 7]) {
    const pieces: string[] = [];
    for (let i = 0; i < xml.length; i += size) pieces.push(xml.slice(i, i + size));
    out.push(pieces);
  }
  return out;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

test('a skipped element reports its open and close, nothing inside, whatever the chunk boundaries', () => {
  const xml =
    `<w:styles ${W}><w:latentStyles w:count="2"><w:lsdException w:name="Normal"/>` +
    `<w:lsdException w:name="heading 1">x</w:lsdException>text</w:latentStyles>` +
    '<w:style><w:name w:val="a"/>après</w:style></w:styles>';
  const expected = [
    '<w:styles>',
    '<w:latentStyles>',
    '</w:latentStyles>',
    '<w:style>',
    '<w:name>',
    '</w:name>',
    '"après"',
    '</w:style>',
    '</w:styles>',
  ];
  for (const pieces of cuts(xml)) assert.deepEqual(read(pieces, new Set(['w:latentStyles'])), expected);
});

test('the same element nested inside a skipped one, open or self-closing, does not end the skip', () => {
  const xml = '<r><a><a/><a x="1"><b/></a ><a>t</a></a><a/>fin</r>';
  const expected = ['<r>', '<a>', '</a>', '<a>', '</a>', '"fin"', '</r>'];
  for (const pieces of cuts(xml)) assert.deepEqual(read(pieces, new Set(['a'])), expected);
});

test('names that only begin like the skipped one (w:rPrChange inside w:rPr) do not end it', () => {
  const xml = '<r><w:rPr><w:rPrChange><w:rPr/></w:rPrChange>w:rPr &lt;/w:rPr</w:rPr><w:t>vu</w:t></r>';
  const expected = ['<r>', '<w:rPr>', '</w:rPr>', '<w:t>', '"vu"', '</w:t>', '</r>'];
  for (const pieces of cuts(xml)) assert.deepEqual(read(pieces, new Set(['w:rPr'])), expected);
});

test('a skipped element that never closes is refused as malformed', () => {
  for (const xml of ['<r><a><b/>texte</r>', '<r><a><a></a>', '<r><a>']) {
    assert.throws(
      () => read([xml], new Set(['a'])),
      (e) => e instanceof AppError && e.code === 'XML_MALFORMED',
      xml,
    );
  }
});

test('a long skipped region sent in small chunks is not held in memory', () => {
  const inside = '<w:rsid w:val="00A1B2C3"/>'.repeat(200_000); // 5.2 MB
  const events: string[] = [];
  const tokenizer = new XmlTokenizer(
    {
      open: (name) => {
        events.push(name);
        return name === 'w:rsids';
      },
      close() {},
      text() {},
    },
    OPTIONS,
  );
  tokenizer.write('<w:settings><w:rsids>');
  let largest = 0;
  for (let i = 0; i < inside.length; i += 4096) {
    tokenizer.write(inside.slice(i, i + 4096));
    largest = Math.max(largest, (tokenizer as unknown as { buffer: string }).buffer.length);
  }
  tokenizer.write('</w:rsids><w:zoom/></w:settings>');
  tokenizer.end();
  assert.deepEqual(events, ['w:settings', 'w:rsids', 'w:zoom']);
  assert.ok(largest < 16, `the tokenizer held ${largest} characters while skipping`);
});

test('a part that arrives in one chunk is decoded whole: the UTF-8 byte-order mark is dropped', async () => {
  const xml = '<a>Éducation « spécialisée » 😀</a>';
  for (const bytes of [
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]),
    Buffer.from(xml),
  ]) {
    const seen: string[] = [];
    async function* one() {
      yield bytes;
    }
    await parseXmlStream(one(), { open() {}, close() {}, text: (t: string) => seen.push(t) }, OPTIONS);
    assert.equal(seen.join(''), 'Éducation « spécialisée » 😀');
  }
});

test('a large part in one chunk is decoded in slices: characters cut by a slice boundary stay whole', async () => {
  // 3- and 4-byte characters after one byte: the 32 KB boundaries fall inside characters.
  const text = `x${'é€😀'.repeat(12_000)}`;
  for (const bytes of [
    Buffer.from(`<a>${text}</a>`),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<a>${text}</a>`, 'utf16le')]),
  ]) {
    const seen: string[] = [];
    async function* one() {
      yield bytes;
    }
    await parseXmlStream(one(), { open() {}, close() {}, text: (t: string) => seen.push(t) }, OPTIONS);
    assert.equal(seen.join(''), text);
  }
});

test('text taken by its length only: the decoded length, and the same refusals, as the decoded text', () => {
  const samples = [
    'plain',
    '{&quot;id&quot;:5157, &amp; &lt;b&gt; &apos;x&apos;}',
    '&#x1F600; &#233; &#xE9;',
    'a & b &; &amp &verylongname1234; &amp;&amp',
    '&bogus;',
    '&#xD800;',
  ];
  const outcome = (lengthOnly: boolean, body: string): unknown => {
    const seen: (string | number)[] = [];
    const handler = {
      open() {},
      close() {},
      text: (t: string) => seen.push(lengthOnly ? t.length : t),
      wantsLengthOnly: () => lengthOnly,
      textLength: (n: number) => seen.push(n),
    };
    try {
      const t = new XmlTokenizer(handler, { part: 'p.xml', maxDepth: 8 });
      t.write(`<a>${body}</a>`);
      t.end();
      return seen.map((x) => (typeof x === 'string' ? x.length : x));
    } catch (error) {
      return error instanceof AppError ? [error.code, JSON.stringify(error.params)] : error;
    }
  };
  for (const body of samples) assert.deepEqual(outcome(true, body), outcome(false, body), body);
});
