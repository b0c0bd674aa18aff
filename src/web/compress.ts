import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import type { MiddlewareHandler } from 'hono';

/** Bodies below this many bytes are sent as they are: compressing them saves less than the headers weigh. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/(html|css|javascript|plain)|application\/(json|javascript)|image\/svg\+xml)/;

/** Which encoding to use for an Accept-Encoding header: brotli when offered, else gzip, else none. */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  if (!accept) return null;
  const offered = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) offered.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (n: string) => (offered.get(n) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/**
 * `body` compressed: 'fast' for a body made for one response, 'kept' for a shared cached page (sent many times,
 * but a new one is made whenever the figures change), 'best' for static files (made once).
 */
export function compressBytes(
  body: Uint8Array,
  encoding: 'br' | 'gzip',
  effort: 'fast' | 'best' | 'kept',
): Uint8Array<ArrayBuffer> {
  const packed =
    encoding === 'br'
      ? brotliCompressSync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY[effort],
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        })
      : gzipSync(body, { level: effort === 'fast' ? 6 : 9 });
  return new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength);
}

/** Brotli's quality per effort: level 11 costs tens of ms on a large page, 9 a few, 4 about one. */
const BROTLI_QUALITY = { fast: 4, kept: 9, best: 11 } as const;

/**
 * Compresses pages, JSON and static files (brotli at a fast level, else gzip). Our pages are built in
 * memory, so the body is compressed in one go; streams (server-sent events) pass through untouched.
 * Static assets are the same bytes every time: their compressed form is kept.
 */
export function compressBodies(): MiddlewareHandler {
  const kept = new Map<string, Uint8Array<ArrayBuffer>>();
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type') ?? '';
    // `res.body` is read only when compressing: reading it turns @hono/node-server's light response (bytes
    // written in one go) into a stream, which cost a large cached page most of its speed.
    if (res.headers.has('Content-Encoding') || !COMPRESSIBLE.test(type) || c.req.method === 'HEAD') return;
    const encoding = pickEncoding(c.req.header('Accept-Encoding'));
    const vary = res.headers.get('Vary');
    if (!encoding) {
      c.res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      return;
    }
    if (!res.body) return;
    const immutable = (res.headers.get('Cache-Control') ?? '').includes('immutable');
    const key = `${encoding}:${c.req.path}`;
    let out = immutable ? kept.get(key) : undefined;
    if (!out) {
      const body = new Uint8Array(await res.arrayBuffer());
      if (body.byteLength < MIN_BYTES) {
        c.res = new Response(body, res);
        return;
      }
      out = compressBytes(body, encoding, immutable ? 'best' : 'fast');
      if (immutable) kept.set(key, out);
    }
    const headers = new Headers(res.headers);
    headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(out.byteLength));
    headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    c.res = new Response(out, { status: res.status, statusText: res.statusText, headers });
  };
}
