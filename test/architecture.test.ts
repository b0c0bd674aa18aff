import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

/**
 * The layer rules of docs/design.md, checked on every import in src/ (static, type-only and
 * dynamic): no import cycle, and no import upwards or sideways across layers.
 */

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Layer of each top-level part, bottom up. Files at the top of src/ are the foundation (0). */
const LAYERS: Record<string, number> = {
  i18n: 0,
  knowledge: 1,
  decode: 2,
  captcha: 3,
  ceac: 3,
  simulator: 3,
  store: 3,
  timelines: 3,
  stats: 3,
  tracker: 4,
  notify: 4,
  runtime: 5,
  web: 6,
  cli: 6,
};
/**
 * The only imports allowed between different parts of one layer: ceac -> captcha and stats ->
 * timelines (DESIGN), the timeline repository's table types (timelines -> store), and `ceac serve`
 * starting the web app (cli -> web; never the reverse).
 */
const SIDEWAYS = new Set(['ceac->captcha', 'stats->timelines', 'timelines->store', 'cli->web']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Relative imports of a file, resolved to the .ts/.tsx files they name. */
export function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec) continue;
    const target = resolve(dirname(file), spec).replace(/\.js$/, '');
    out.push(target);
  }
  return out;
}

function graph(): Map<string, string[]> {
  const files = sourceFiles(SRC);
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const targets = importsOf(file, readFileSync(file, 'utf8'))
      .map((t) => [`${t}.ts`, `${t}.tsx`, join(t, 'index.ts')].find((c) => known.has(c)))
      .filter((t): t is string => t !== undefined);
    edges.set(file, targets);
  }
  return edges;
}

const partOf = (file: string): string => {
  const rel = relative(SRC, file).split('/');
  return rel.length > 1 ? rel[0]! : '(root)';
};
const layerOf = (part: string): number => (part === '(root)' ? 0 : (LAYERS[part] ?? -1));

/** Import cycles, as lists of files (Tarjan's strongly connected components of more than one file). */
export function cyclesIn(edges: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(scc);
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) visit(v);
  return found;
}

/** Imports that break the layer order, as "from -> to" (paths relative to src/). */
export function layerViolations(edges: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [from, targets] of edges) {
    for (const to of targets) {
      const a = partOf(from);
      const b = partOf(to);
      if (a === b) continue;
      const la = layerOf(a);
      const lb = layerOf(b);
      const sideways = `${a}->${b}`;
      const ok = la > lb || (la === lb && SIDEWAYS.has(sideways));
      if (!ok || la < 0 || lb < 0) out.push(`${relative(SRC, from)} -> ${relative(SRC, to)}`);
    }
  }
  return out;
}

describe('the import graph of src/', () => {
  const edges = graph();

  it('has no import cycle', () => {
    expect(cyclesIn(edges).map((c) => c.map((f) => relative(SRC, f)).sort())).toEqual([]);
  });

  it('imports only downwards through the layers (and the two allowed sideways imports)', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('catches a cycle and an upward import when there is one', () => {
    const a = join(SRC, 'cli/a.ts');
    const b = join(SRC, 'cli/b.ts');
    const low = join(SRC, 'store/x.ts');
    const high = join(SRC, 'tracker/y.ts');
    const bad = new Map([
      [a, [b]],
      [b, [a]],
      [low, [high]],
      [high, []],
    ]);
    expect(cyclesIn(bad).map((c) => c.map((f) => relative(SRC, f)).sort())).toEqual([['cli/a.ts', 'cli/b.ts']]);
    expect(layerViolations(bad)).toEqual(['store/x.ts -> tracker/y.ts']);
  });

  it('reads static, type-only, re-export and dynamic imports', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c/index.js';",
      'const d = await import("./d.js");',
      "import { e } from 'node:fs';",
    ].join('\n');
    expect(importsOf(join(SRC, 'x/y.ts'), text).map((t) => relative(SRC, t))).toEqual(['x/a', 'b', 'x/c/index', 'x/d']);
  });
});
