// The browser extension's size: its content script (shared decoder + knowledge, reading the DOM) next
// to a same-run baseline, the decoder's whole public API (src/decode/index.ts, which brings cheerio
// for saved pages) bundled the same way for a browser. Smaller is what people download and what
// every CEAC page load parses.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

import { englishDecodeOnly } from '../extension/english-decode-only.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function size(entry, extra = {}) {
  const r = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox128'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    ...extra,
  });
  const out = r.outputFiles[0].contents;
  return { raw: out.length, gzip: gzipSync(out).length };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const row = (name, s) => console.log(`${name.padEnd(44)} ${kb(s.raw).padStart(9)} ${kb(s.gzip).padStart(9)} gzipped`);

// As extension/build.mjs bundles them: English words of the decoder only.
const shipped = { plugins: [englishDecodeOnly(root)] };
const content = await size('extension/src/content.ts', shipped);
row('extension content script', content);
row('extension background worker', await size('extension/src/background.ts', shipped));
// The baseline: the decoder with its HTML parser (node:module stubbed, as a browser bundler must).
const baseline = await size('src/decode/index.ts', {
  external: [],
  plugins: [
    {
      name: 'stub-node',
      setup(b) {
        b.onResolve({ filter: /^node:/ }, (a) => ({ path: a.path, namespace: 'stub' }));
        b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
          contents: 'export const createRequire = () => () => require("cheerio/slim");',
          resolveDir: root,
        }));
      },
    },
  ],
}).catch((err) => {
  console.log(`baseline could not be bundled: ${err.message.split('\n')[0]}`);
  return null;
});
if (baseline) {
  row('baseline: decoder API with cheerio', baseline);
  console.log(`content script is ${((100 * content.gzip) / baseline.gzip).toFixed(0)}% of the baseline (gzipped)`);
}
