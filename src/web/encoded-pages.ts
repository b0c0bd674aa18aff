import { compressBytes } from './compress.js';
import { CSRF_PLACEHOLDER } from './page-cache.js';

/** A shared page's bytes, as they are and compressed (each encoding made the first time a client asks for it). */
interface Encoded {
  identity: Uint8Array<ArrayBuffer>;
  br?: Uint8Array<ArrayBuffer>;
  gzip?: Uint8Array<ArrayBuffer>;
}

/**
 * Rendered pages that are the same for every visitor (no CSRF token in them: no form posts), kept as encoded and
 * compressed bytes. Encoding and compressing a large page on every request was most of what a warm request cost
 * (a /stats page is 30–100 KB). Bounded, least recently used.
 */
export class EncodedPages {
  private readonly pages = new Map<string, Encoded>();
  private readonly encoder = new TextEncoder();
  constructor(private readonly max = 256) {}

  /**
   * The page's bytes in `encoding` (null: as they are); null when the page holds a CSRF token after all (it is
   * then not shared).
   */
  async get(
    key: string,
    encoding: 'br' | 'gzip' | null,
    render: () => Promise<string>,
  ): Promise<Uint8Array<ArrayBuffer> | null> {
    let page = this.pages.get(key);
    if (page) this.pages.delete(key);
    else {
      const html = await render();
      if (html.includes(CSRF_PLACEHOLDER)) return null;
      page = { identity: this.encoder.encode(html) };
      if (this.pages.size >= this.max) this.pages.delete(this.pages.keys().next().value!);
    }
    this.pages.set(key, page);
    if (!encoding) return page.identity;
    return (page[encoding] ??= compressBytes(page.identity, encoding, 'kept'));
  }
}
