#!/usr/bin/env node
/**
 * Builds the browser extension from extension/src and the shared decoder and knowledge modules in
 * src/ (bundled by esbuild, no copies): dist-extension/ceac-watch-chromium.zip and
 * dist-extension/ceac-watch-firefox.zip, plus the unpacked folders beside them. Prints the size of
 * each bundle.
 *
 *   node extension/build.mjs                                    the two store builds
 *   node extension/build.mjs --test-origin http://127.0.0.1 --out DIR
 *                                                               a TEST build (Chromium, unpacked) that also
 *                                                               runs on that origin (the loopback simulator)
 *                                                               and may reach it; never ship it
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';

import { build } from 'esbuild';

import { englishDecodeOnly } from './english-decode-only.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const args = process.argv.slice(2);
const valueOf = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const testOrigin = valueOf('--test-origin');
if (testOrigin !== undefined && !/^https?:\/\/(127\.0\.0\.1|localhost)$/.test(testOrigin)) {
  console.error(
    `--test-origin must be http://127.0.0.1 or http://localhost (a loopback simulator), not "${testOrigin}"`,
  );
  process.exit(2);
}
const outRoot = valueOf('--out') ?? join(root, 'dist-extension');

const CEAC = 'https://ceac.state.gov/*';

function manifest(browser) {
  const matches = [CEAC, ...(testOrigin ? [`${testOrigin}/*`] : [])];
  return {
    manifest_version: 3,
    name: testOrigin ? 'ceac-watch (TEST build)' : 'ceac-watch: decode your CEAC status',
    short_name: 'ceac-watch',
    version: pkg.version,
    description:
      'Explains the answer on the CEAC visa status page right under it; optionally saves the check to your own ceac-watch.',
    permissions: ['storage'],
    host_permissions: matches,
    // The person's own ceac-watch, asked for in the options page when they connect it.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    background: browser === 'firefox' ? { scripts: ['background.js'] } : { service_worker: 'background.js' },
    content_scripts: [{ matches, js: ['content.js'], css: ['panel.css'], run_at: 'document_idle' }],
    options_ui: { page: 'options.html', open_in_tab: true },
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: { id: 'ceac-watch@ceac-watch.invalid', strict_min_version: '128.0' } },
    }),
  };
}

/** A zip of the files (deflate), enough for browser stores and `about:debugging`. */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBuf = Buffer.from(name);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10); // time and date: 0 keeps the zip the same from build to build
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** A module of the repository, bundled and loaded here (the catalogues are TypeScript). */
async function loadModule(contents) {
  const { outputFiles } = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`);
}

const bundles = await build({
  entryPoints: ['content', 'background', 'options'].map((n) => join(here, 'src', `${n}.ts`)),
  // English: the decode area only (see english-decode-only.mjs); checked after the build.
  plugins: [englishDecodeOnly(root)],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: ['chrome120', 'firefox128'],
  minify: true,
  legalComments: 'none',
  outdir: '/out',
  logLevel: 'warning',
  metafile: true,
});
// The decoder without an HTML parser: the content script reads the DOM, so no HTML parser (cheerio) belongs here.
// The one package allowed is FormatJS's ICU message formatter, which the decoder's answers are written with
// (src/i18n): the same words as the CLI and the web, in the reader's language once the panel is translated.
const ALLOWED = ['node_modules/intl-messageformat/', 'node_modules/@formatjs/'];
const foreign = Object.keys(bundles.metafile.inputs).filter(
  (p) => p.includes('node_modules') && !ALLOWED.some((a) => p.includes(a)),
);
if (foreign.length) {
  console.error(`the extension bundles packages it must not: ${foreign.join(', ')}`);
  process.exit(1);
}
const files = new Map();
for (const f of bundles.outputFiles) files.set(relative('/out', f.path), Buffer.from(f.contents));

/**
 * The words of each language but English, one file per language (i18n/<lang>.json): the decoder's catalogue area
 * (src/i18n/catalogs/<lang>/decode.ts) and the panel's own words (extension/src/words/<lang>.ts). English is in
 * content.js; a browser in another language fetches only its own file, so no language costs the others anything.
 */
async function languagePack(language) {
  const { default: pack } = await loadModule(
    [
      `import { decode } from './src/i18n/catalogs/${language}/decode.ts';`,
      `import { words } from './extension/src/words/${language}.ts';`,
      'export default { decode, words };',
    ].join('\n'),
  );
  return Buffer.from(JSON.stringify(pack));
}
for (const language of ['zh-CN', 'es']) files.set(`i18n/${language}.json`, await languagePack(language));

{
  const { en, decode } = await loadModule(
    "export { en } from './src/i18n/catalogs/en.ts'; export { decode } from './src/i18n/catalogs/en/decode.ts';",
  );
  for (const name of ['content.js', 'background.js', 'options.js']) {
    const code = files.get(name).toString('utf8');
    const outside = Object.keys(en).filter((key) => !(key in decode) && code.includes(JSON.stringify(key)));
    if (outside.length) {
      console.error(
        `${name} uses messages outside the decode area, which the extension does not ship: ${outside.join(', ')}`,
      );
      process.exit(1);
    }
  }
}
for (const name of ['options.html', 'options.css', 'panel.css']) files.set(name, readFileSync(join(here, 'src', name)));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const name of ['content.js', 'background.js', 'options.js', 'i18n/zh-CN.json', 'i18n/es.json']) {
  const data = files.get(name);
  console.log(`${name.padEnd(17)} ${kb(data.length).padStart(9)}  (${kb(gzipSync(data).length)} gzipped)`);
}

const browsers = testOrigin ? ['chromium'] : ['chromium', 'firefox'];
mkdirSync(outRoot, { recursive: true });
for (const browser of browsers) {
  const all = [...files, ['manifest.json', Buffer.from(`${JSON.stringify(manifest(browser), null, 2)}\n`)]].sort(
    ([a], [b]) => a.localeCompare(b),
  );
  const dir = join(outRoot, testOrigin ? 'test-chromium' : browser);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of all) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  if (!testOrigin) {
    const z = zip(all);
    const file = join(outRoot, `ceac-watch-${browser}.zip`);
    writeFileSync(file, z);
    console.log(`${relative(root, file)}  ${kb(z.length)}  (unpacked: ${relative(root, dir)}/)`);
  } else {
    console.log(`TEST build (also runs on ${testOrigin}): ${dir}/`);
  }
}
