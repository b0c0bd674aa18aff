/**
 * Rendered pages kept as strings, with the CSRF token left as a placeholder that each request fills
 * in. JSX rendering is the main cost of a page; a page whose content has not changed since it was
 * last rendered (the key says what it depends on, the reader's language included) is served from here. Bounded, least recently used.
 */
export const CSRF_PLACEHOLDER = '__cw_csrf_placeholder__';

export class PageCache {
  private readonly pages = new Map<string, string>();

  constructor(private readonly max = 1000) {}

  async get(
    key: string,
    csrf: string,
    render: (csrfPlaceholder: string) => { toString(): unknown } | Promise<{ toString(): unknown }>,
  ): Promise<string> {
    let html = this.pages.get(key);
    if (html === undefined) {
      const element = await render(CSRF_PLACEHOLDER);
      html = String(await (element.toString() as Promise<string> | string));
      if (this.pages.size >= this.max) this.pages.delete(this.pages.keys().next().value!);
    } else {
      this.pages.delete(key);
    }
    this.pages.set(key, html);
    return html.replaceAll(CSRF_PLACEHOLDER, csrf);
  }

  /** Drops every page whose key starts with this prefix (e.g. all of one case). */
  forget(prefix: string): void {
    for (const k of this.pages.keys()) if (k.startsWith(prefix)) this.pages.delete(k);
  }

  clear(): void {
    this.pages.clear();
  }
}
