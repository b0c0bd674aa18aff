// Free-text timeline extraction on the annotated development corpus (src/timelines/fixtures/corpus/posts.json):
// recall and precision of dated events (goal: recall ≥ 90%, precision ≥ 95%; issue 15), and the time per post
// beside a same-run baseline (splitting the posts into sentences only). Then the same figures on the held-out set
// (fixtures/corpus/heldout.json), written before a round of extractor changes and never tuned on: the honest
// estimate of how the rules generalise, where the development figures are an upper bound.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { load } from './lib.mjs';

const { scoreCorpus } = await load('timelines/corpus.js');
const read = (name) =>
  JSON.parse(readFileSync(new URL(`../src/timelines/fixtures/corpus/${name}.json`, import.meta.url), 'utf8'));
const posts = read('posts');
const t0 = performance.now();
const s = scoreCorpus(posts);
const ms = performance.now() - t0;
const t1 = performance.now();
let n = 0;
for (const p of posts) n += p.text.split(/[.\n;]/).length;
const base = performance.now() - t1;
console.log(`corpus: ${s.posts} posts, ${s.expected} annotated events, ${s.extracted} extracted, ${s.matched} right`);
console.log(`  recall    ${(100 * s.recall).toFixed(1)}% (goal ≥ 90%)`);
console.log(`  precision ${(100 * s.precision).toFixed(1)}% (goal ≥ 95%)`);
console.log(
  `  ${(ms / s.posts).toFixed(2)} ms per post (baseline, splitting only: ${(base / s.posts).toFixed(3)} ms; ${n} pieces)`,
);
const h = scoreCorpus(read('heldout'));
console.log(`held-out: ${h.posts} posts, ${h.expected} annotated events, ${h.extracted} extracted, ${h.matched} right`);
console.log(`  recall    ${(100 * h.recall).toFixed(1)}%`);
console.log(`  precision ${(100 * h.precision).toFixed(1)}%`);
