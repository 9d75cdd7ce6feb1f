import type { Attributes, XmlHandler } from '../xml/tokenizer.js';

/**
 * Reads META-INF/manifest.xml: the package's media type (its root entry) and which parts are
 * encrypted. A password-protected .odt keeps a readable zip and mimetype but encrypts
 * content.xml: without this check it would look like a damaged file.
 */
export class ManifestReader implements XmlHandler {
  rootMediaType: string | null = null;
  readonly encrypted = new Set<string>();
  private entry: string | null = null;

  open(name: string, attributes: Attributes): void {
    if (name === 'manifest:file-entry') {
      this.entry = attributes.get('manifest:full-path') ?? null;
      if (this.entry === '/') this.rootMediaType = attributes.get('manifest:media-type') ?? null;
    } else if (name === 'manifest:encryption-data' && this.entry !== null) {
      this.encrypted.add(this.entry);
    }
  }

  close(name: string): void {
    if (name === 'manifest:file-entry') this.entry = null;
  }

  text(): void {}
}
