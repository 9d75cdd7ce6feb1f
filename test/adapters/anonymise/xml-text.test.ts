import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rewriteAttributes,
  rewriteRunText,
  rewriteTextNodes,
} from '../../../src/adapters/anonymise/xml-text.js';
import { nameFinder } from '../../../src/domain/manuscript/author-names.js';

const finder = nameFinder([{ givenName: 'Anne', surname: 'de La Fontaine' }]);
if (!finder) throw new Error('no finder');
const P = '[Auteur]';

describe('rewriting the text of an OOXML part in place', () => {
  it('cuts a name spread over three runs back into them, adding xml:space where a run now starts with a space', () => {
    const xml =
      '<w:p><w:r><w:t>Par Anne de</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> La </w:t></w:r>' +
      '<w:r><w:t>Fontaine et moi</w:t></w:r></w:p>';
    const out = rewriteRunText(xml, finder, P);
    assert.equal(out.count, 1);
    assert.equal(
      out.xml,
      '<w:p><w:r><w:t>Par [Auteur]</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"></w:t></w:r>' +
        '<w:r><w:t xml:space="preserve"> et moi</w:t></w:r></w:p>',
    );
  });

  it('never joins two paragraphs, and leaves every other byte as it was', () => {
    const xml = '<w:p><w:r><w:t>Anne de La</w:t></w:r></w:p><w:p><w:r><w:t>Fontaine</w:t></w:r></w:p>';
    assert.equal(rewriteRunText(xml, finder, P).xml, xml);
  });

  it('decodes and re-encodes entities around a name, in runs and in other parts', () => {
    const run = '<w:p><w:r><w:t>A &amp; B, de La Fontaine &lt;2020&gt;</w:t></w:r></w:p>';
    assert.equal(
      rewriteRunText(run, finder, P).xml,
      '<w:p><w:r><w:t>A &amp; B, [Auteur] &lt;2020&gt;</w:t></w:r></w:p>',
    );
    const props = '<vt:lpwstr>Anne de La Fontaine &amp; co</vt:lpwstr>';
    assert.equal(rewriteTextNodes(props, finder, P).xml, '<vt:lpwstr>[Auteur] &amp; co</vt:lpwstr>');
  });

  it('replaces who-attributes whatever they hold, and names inside any other attribute', () => {
    const xml =
      '<w:ins w:id="3" w:author="adlf" w:date="2022"/><w:sdtPr><w:alias w:val="Fiche de La Fontaine"/></w:sdtPr>';
    const out = rewriteAttributes(xml, finder, P);
    assert.equal(
      out.xml,
      '<w:ins w:id="3" w:author="Auteur" w:date="2022"/><w:sdtPr><w:alias w:val="Fiche [Auteur]"/></w:sdtPr>',
    );
    assert.equal(out.count, 2);
  });
});
