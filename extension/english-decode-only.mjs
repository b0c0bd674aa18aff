/**
 * An esbuild plugin: the extension shows the decoder's words and its own, nothing of the web app's, CLI's or
 * notifications', so its English catalogue is the decode area only (src/i18n/catalogs/en/decode.ts) instead of
 * every area's. Used by build.mjs (which also checks that no script names a key of another area) and the bench.
 */
export function englishDecodeOnly(root) {
  return {
    name: 'english-decode-only',
    setup(b) {
      b.onResolve({ filter: /[\\/]catalogs[\\/]en\.js$/ }, () => ({ path: 'en', namespace: 'english-decode-only' }));
      b.onLoad({ filter: /.*/, namespace: 'english-decode-only' }, () => ({
        contents: "import { decode } from './src/i18n/catalogs/en/decode.ts'; export const en = decode;",
        resolveDir: root,
        loader: 'ts',
      }));
    },
  };
}
