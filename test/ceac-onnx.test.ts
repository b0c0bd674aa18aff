import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PNG } from 'pngjs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  CAPTCHA_ALPHABET,
  CaptchaSolverError,
  ctcLayoutFor,
  greedyCtcDecode,
  modelInputFor,
  OnnxSolver,
  solverFromSpec,
} from '../src/captcha/index.js';

/*
 * A tiny CTC captcha model, written as ONNX protobuf by hand. It averages each column of the
 * 50x200 input and scores class k by 2·c_k·v − c_k² (the nearest centre c_k wins): a white column
 * (1.0) is the CTC blank, a column of gray level 0.1 + (k−1)/45 is character k. So a correct answer needs
 * the solver's grayscale, alpha, resize and [0, 1] normalisation all to be right, and its greedy
 * decoding to merge runs and split on blanks.
 */
const H = 50;
const W = 200;
const CLASSES = CAPTCHA_ALPHABET.length + 1;
// Levels from 0.1 up: pure black cannot be tinted, and tinting is what tests the grayscale weights.
const centre = (k: number) => (k === 0 ? 1 : 0.1 + (k - 1) / 45);

const varint = (n: number): number[] => {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
};
const key = (field: number, wire: number) => varint((field << 3) | wire);
const int = (field: number, n: number) => [...key(field, 0), ...varint(n)];
const bytes = (field: number, b: number[] | Uint8Array) => [...key(field, 2), ...varint(b.length), ...b];
const str = (field: number, s: string) => bytes(field, [...Buffer.from(s, 'utf8')]);

const shape = (dims: number[]) =>
  bytes(
    2,
    dims.flatMap((d) => bytes(1, int(1, d))),
  ); // TensorShapeProto
const valueInfo = (name: string, dims: number[]) => [
  ...str(1, name),
  ...bytes(2, bytes(1, [...int(1, 1), ...shape(dims)])),
];
const floatTensor = (name: string, dims: number[], values: number[]) => [
  ...dims.flatMap((d) => int(1, d)),
  ...int(2, 1), // FLOAT
  ...str(8, name),
  ...bytes(9, new Uint8Array(new Float32Array(values).buffer)),
];
const intsAttr = (name: string, values: number[]) => [
  ...str(1, name),
  ...values.flatMap((v) => int(8, v)),
  ...int(20, 7),
];
const intAttr = (name: string, v: number) => [...str(1, name), ...int(3, v), ...int(20, 2)];
const node = (op: string, inputs: string[], outputs: string[], attrs: number[][] = []) => [
  ...inputs.flatMap((i) => str(1, i)),
  ...outputs.flatMap((o) => str(2, o)),
  ...str(3, `${op}_${outputs[0]}`),
  ...str(4, op),
  ...attrs.flatMap((a) => bytes(5, a)),
];

function buildModel(): Buffer {
  const a = Array.from({ length: CLASSES }, (_, k) => 2 * centre(k));
  const b = Array.from({ length: CLASSES }, (_, k) => -(centre(k) ** 2));
  const graph = [
    ...bytes(1, node('ReduceMean', ['image'], ['cols'], [intsAttr('axes', [2]), intAttr('keepdims', 0)])),
    ...bytes(1, node('Transpose', ['cols'], ['steps'], [intsAttr('perm', [0, 2, 1])])),
    ...bytes(1, node('MatMul', ['steps', 'A'], ['scaled'])),
    ...bytes(1, node('Add', ['scaled', 'B'], ['logits'])),
    ...str(2, 'tiny-ctc'),
    ...bytes(5, floatTensor('A', [1, CLASSES], a)),
    ...bytes(5, floatTensor('B', [CLASSES], b)),
    ...bytes(11, valueInfo('image', [1, 1, H, W])),
    ...bytes(12, valueInfo('logits', [1, W, CLASSES])),
  ];
  const model = [
    ...int(1, 7),
    ...str(2, 'ceac-watch-test'),
    ...bytes(7, graph),
    ...bytes(8, [...str(1, ''), ...int(2, 13)]),
  ];
  return Buffer.from(model);
}

/** Colour with BT.601 luma `level`, tinted so that a plain channel average would read it wrong. */
function tinted(level: number): [number, number, number] {
  const y = level * 255;
  const r = Math.min(255, Math.round(y + 30));
  const bl = Math.max(0, Math.round(y - 40));
  const g = Math.round((y - 0.299 * r - 0.114 * bl) / 0.587);
  return [r, Math.max(0, Math.min(255, g)), bl];
}

/** Draws `text` at twice the model size (400x100), each character 8 model columns wide, blank gaps between. */
function drawCode(text: string): Buffer {
  const scale = 2;
  const png = new PNG({ width: W * scale, height: H * scale });
  png.data.fill(255);
  let x = 4;
  for (const ch of text) {
    const [r, g, b] = tinted(centre(CAPTCHA_ALPHABET.indexOf(ch) + 1));
    for (let cx = x * scale; cx < (x + 8) * scale; cx++) {
      for (let y = 0; y < H * scale; y++) {
        const i = (y * W * scale + cx) * 4;
        png.data[i] = r;
        png.data[i + 1] = g;
        png.data[i + 2] = b;
      }
    }
    x += 12;
  }
  // Transparent pixels in the gaps must read as white, as a browser shows them.
  for (let y = 0; y < H * scale; y += 3) png.data.fill(0, (y * W * scale + 1) * 4, (y * W * scale + 2) * 4);
  return PNG.sync.write(png);
}

let ortAvailable = true;
try {
  await import('onnxruntime-node');
} catch {
  ortAvailable = false;
  console.warn(
    'skipping the ONNX solver tests: onnxruntime-node is not installed (ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node)',
  );
}

describe.skipIf(!ortAvailable)('onnx captcha solver on a model built by the test', () => {
  let modelPath: string;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'ceac-onnx-'));
    modelPath = join(dir, 'tiny-ctc.onnx');
    writeFileSync(modelPath, buildModel());
  });

  it.each(['7K3PQQ2', 'A0Z9', 'CEAC21'])(
    'reads %s through grayscale, resize, normalisation and CTC decoding',
    async (code) => {
      const solver = await solverFromSpec(`onnx:${modelPath}`);
      expect(solver.name).toBe('onnx');
      expect(await solver.solve(drawCode(code), { attempt: 1 })).toBe(code);
    },
  );

  it('refuses a blank image with a clear message', async () => {
    const solver = await OnnxSolver.load(modelPath);
    const white = new PNG({ width: 200, height: 50 });
    white.data.fill(255);
    await expect(solver.solve(PNG.sync.write(white))).rejects.toThrow(/read no characters/);
    await expect(solver.solve(Buffer.from('not a png'))).rejects.toThrow(CaptchaSolverError);
  });

  it('says which file is missing', async () => {
    await expect(solverFromSpec('onnx:/nonexistent/model.onnx')).rejects.toThrow(
      /captcha model not found: \/nonexistent\/model.onnx/,
    );
  });
});

describe('greedy CTC decoding', () => {
  const alphabet = 'AB';
  const steps = (classes: number[]) => {
    const out: number[] = [];
    for (const c of classes) for (let k = 0; k < 3; k++) out.push(k === c ? 1 : 0);
    return out;
  };
  it('merges runs, drops blanks, keeps doubled letters split by a blank', () => {
    const logits = steps([1, 1, 0, 1, 2, 2, 0, 0, 2]);
    expect(greedyCtcDecode(logits, ctcLayoutFor([1, 9, 3], 3), alphabet)).toBe('AABB');
  });
  it('reads [T, 1, C] and [1, C, T] layouts', () => {
    const tc = steps([2, 0, 1]);
    expect(greedyCtcDecode(tc, ctcLayoutFor([3, 1, 3], 3), alphabet)).toBe('BA');
    // Four steps, one row per class: B, blank, A, A.
    const ct = [/* blank */ 0, 1, 0, 0, /* A */ 0, 0, 1, 1, /* B */ 1, 0, 0, 0];
    expect(greedyCtcDecode(ct, ctcLayoutFor([1, 3, 4], 3), alphabet)).toBe('BA');
  });
  it('explains an output shape it cannot read', () => {
    expect(() => ctcLayoutFor([1, 50, 12], 37)).toThrow(/expected \[1, T, 37\]/);
  });
});

/*
 * Models as people have them: the public CEACStatusBot layout (input "input" [1, 3, H, W] RGB with
 * open size, output [T, 1, 37]), grayscale NHWC, and grayscale NCHW. Each averages a column over
 * its channels and rows, so the solver must give the channels, order and size the model declares.
 */
const dimOf = (d: number | string) => (typeof d === 'number' ? bytes(1, int(1, d)) : bytes(1, str(2, d)));
const shapeOf = (dims: (number | string)[]) => bytes(2, dims.flatMap(dimOf));
const valueInfoOf = (name: string, dims: (number | string)[]) => [
  ...str(1, name),
  ...bytes(2, bytes(1, [...int(1, 1), ...shapeOf(dims)])),
];
const int64Tensor = (name: string, values: number[]) => [
  ...int(1, values.length),
  ...int(2, 7), // INT64
  ...str(8, name),
  ...bytes(9, new Uint8Array(new BigInt64Array(values.map(BigInt)).buffer)),
];

function buildLayoutModel(input: { name: string; dims: (number | string)[]; reduce: number[] }, out: number[]) {
  const a = Array.from({ length: CLASSES }, (_, k) => 2 * centre(k));
  const b = Array.from({ length: CLASSES }, (_, k) => -(centre(k) ** 2));
  const graph = [
    ...bytes(1, node('ReduceMean', [input.name], ['cols'], [intsAttr('axes', input.reduce), intAttr('keepdims', 0)])),
    ...bytes(1, node('Reshape', ['cols', 'S1'], ['steps'])),
    ...bytes(1, node('MatMul', ['steps', 'A'], ['scaled'])),
    ...bytes(1, node('Add', ['scaled', 'B'], ['flat'])),
    ...bytes(1, node('Reshape', ['flat', 'S2'], ['logits'])),
    ...str(2, 'layout-ctc'),
    ...bytes(5, floatTensor('A', [1, CLASSES], a)),
    ...bytes(5, floatTensor('B', [CLASSES], b)),
    ...bytes(5, int64Tensor('S1', [1, -1, 1])),
    ...bytes(5, int64Tensor('S2', out)),
    ...bytes(11, valueInfoOf(input.name, input.dims)),
    ...bytes(
      12,
      valueInfoOf(
        'logits',
        out.map((d) => (d === -1 ? 'T' : d)),
      ),
    ),
  ];
  return Buffer.from([
    ...int(1, 7),
    ...str(2, 'ceac-watch-test'),
    ...bytes(7, graph),
    ...bytes(8, [...str(1, ''), ...int(2, 13)]),
  ]);
}

/** `drawCode` in plain gray (R = G = B), for models that average the colour channels. */
function drawGray(text: string, scale = 1): Buffer {
  const png = new PNG({ width: W * scale, height: H * scale });
  png.data.fill(255);
  let x = 4;
  for (const ch of text) {
    const v = Math.round(centre(CAPTCHA_ALPHABET.indexOf(ch) + 1) * 255);
    for (let cx = x * scale; cx < (x + 8) * scale; cx++)
      for (let y = 0; y < H * scale; y++) png.data.fill(v, (y * W * scale + cx) * 4, (y * W * scale + cx) * 4 + 3);
    x += 12;
  }
  return PNG.sync.write(png);
}

describe.skipIf(!ortAvailable)('onnx models in the layouts people have', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ceac-onnx-layouts-'));
  const save = (name: string, model: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, model);
    return path;
  };

  it('the public CEACStatusBot layout: "input" [1, 3, H, W] RGB, size open, output [T, 1, 37]', async () => {
    const path = save(
      'public.onnx',
      buildLayoutModel({ name: 'input', dims: [1, 3, 'H', 'W'], reduce: [1, 2] }, [-1, 1, CLASSES]),
    );
    const solver = await OnnxSolver.load(path);
    expect(solver.input).toEqual({ name: 'input', order: 'NCHW', channels: 3, height: null, width: null });
    // Given as served: a JPEG, at its own size.
    const jpeg = await sharp(drawGray('CEAC21')).jpeg({ quality: 100 }).toBuffer();
    expect(await solver.solve(jpeg)).toBe('CEAC21');
    expect(await solver.solve(drawGray('7K3PQ2', 2))).toBe('7K3PQ2');
  });

  it('grayscale NHWC [1, 50, 200, 1], fixed size', async () => {
    const path = save(
      'nhwc.onnx',
      buildLayoutModel({ name: 'image', dims: [1, H, W, 1], reduce: [1, 3] }, [1, -1, CLASSES]),
    );
    const solver = await OnnxSolver.load(path);
    expect(solver.input).toMatchObject({ order: 'NHWC', channels: 1, height: H, width: W });
    expect(await solver.solve(drawCode('A0Z9'))).toBe('A0Z9');
  });

  it('grayscale NCHW [1, 1, 50, 200] from a GIF', async () => {
    const path = save(
      'nchw1.onnx',
      buildLayoutModel({ name: 'x', dims: [1, 1, H, W], reduce: [1, 2] }, [1, -1, CLASSES]),
    );
    const solver = await OnnxSolver.load(path);
    expect(solver.input).toMatchObject({ order: 'NCHW', channels: 1, height: H, width: W });
    const gif = await sharp(drawGray('K7P2Q', 2)).gif().toBuffer();
    expect(await solver.solve(gif)).toBe('K7P2Q');
  });

  it('refuses an input it cannot read, saying what it expected', () => {
    expect(() => modelInputFor('x', [1, 5, 50, 200])).toThrow(/expected \[1, C, H, W\] or \[1, H, W, C\]/);
  });
});
