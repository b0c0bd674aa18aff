import { existsSync, readFileSync } from 'node:fs';

import type * as OrtModule from 'onnxruntime-node';

import { CAPTCHA_ALPHABET, CTC_BLANK, MODEL_INPUT_HEIGHT, MODEL_INPUT_WIDTH } from './alphabet.js';
import { ctcLayoutFor, greedyCtcDecode } from './ctc.js';
import { pngToGray, resizeBilinear } from './image.js';
import { type CaptchaSolver, CaptchaSolverError } from './solver.js';

type Ort = typeof OrtModule;
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;

/**
 * Optional settings beside the model, in `<model>.json`: a model trained with another alphabet or
 * blank index says so there. Without the file, the defaults of ceac-protocol.md apply.
 */
export interface OnnxModelSettings {
  alphabet: string;
  blank: number;
}

const INSTALL_HINT =
  'onnxruntime-node is not installed (it is an optional dependency); install it with ' +
  '`ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node` (the CPU build ships inside the package)';

async function loadOrt(): Promise<Ort> {
  try {
    return await import('onnxruntime-node');
  } catch {
    throw new CaptchaSolverError(INSTALL_HINT);
  }
}

function readSettings(modelPath: string): OnnxModelSettings {
  const file = `${modelPath}.json`;
  const defaults = { alphabet: CAPTCHA_ALPHABET, blank: CTC_BLANK };
  if (!existsSync(file)) return defaults;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CaptchaSolverError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const r = raw as Partial<OnnxModelSettings>;
  if (
    (r.alphabet !== undefined && typeof r.alphabet !== 'string') ||
    (r.blank !== undefined && !Number.isInteger(r.blank))
  ) {
    throw new CaptchaSolverError(`${file} must look like {"alphabet": "0123…XYZ", "blank": 0}`);
  }
  return { alphabet: r.alphabet ?? defaults.alphabet, blank: r.blank ?? defaults.blank };
}

/**
 * A CTC captcha model run with onnxruntime-node. Input: one grayscale image, NCHW [1, 1, H, W],
 * values in [0, 1] (H x W from the model, 50 x 200 when the model leaves them open). Output: per
 * time step scores over blank + alphabet, decoded greedily.
 */
export class OnnxSolver implements CaptchaSolver {
  readonly name = 'onnx';

  private constructor(
    private readonly ort: Ort,
    private readonly session: Session,
    private readonly settings: OnnxModelSettings,
    private readonly height: number,
    private readonly width: number,
  ) {}

  static async load(modelPath: string): Promise<OnnxSolver> {
    if (!existsSync(modelPath)) throw new CaptchaSolverError(`captcha model not found: ${modelPath}`);
    const settings = readSettings(modelPath);
    const ort = await loadOrt();
    let session: Session;
    try {
      session = await ort.InferenceSession.create(modelPath);
    } catch (e) {
      throw new CaptchaSolverError(`cannot load the captcha model ${modelPath}: ${(e as Error).message}`);
    }
    // Older onnxruntime builds have no input metadata: then the model's size is the protocol's.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- typed from the newest build only
    const meta = session.inputMetadata?.[0];
    const shape = meta && meta.isTensor ? meta.shape : [];
    const fixed = (v: unknown, fallback: number) => (typeof v === 'number' && v > 0 ? v : fallback);
    return new OnnxSolver(
      ort,
      session,
      settings,
      fixed(shape[2], MODEL_INPUT_HEIGHT),
      fixed(shape[3], MODEL_INPUT_WIDTH),
    );
  }

  /** The model's input tensor for a PNG: grayscale, resized to H x W, values in [0, 1]. */
  preprocess(png: Buffer): Float32Array {
    return resizeBilinear(pngToGray(png), this.width, this.height).data;
  }

  async solve(png: Buffer): Promise<string> {
    let pixels: Float32Array;
    try {
      pixels = this.preprocess(png);
    } catch (e) {
      throw new CaptchaSolverError(`the captcha image could not be read as a PNG: ${(e as Error).message}`);
    }
    const inputName = this.session.inputNames[0]!;
    const input = new this.ort.Tensor('float32', pixels, [1, 1, this.height, this.width]);
    const result = await this.session.run({ [inputName]: input });
    const output = result[this.session.outputNames[0]!];
    if (!output) throw new CaptchaSolverError('the captcha model produced no output');
    const classes = this.settings.alphabet.length + 1;
    let layout;
    try {
      layout = ctcLayoutFor(output.dims, classes);
    } catch (e) {
      throw new CaptchaSolverError((e as Error).message);
    }
    const answer = greedyCtcDecode(output.data as Float32Array, layout, this.settings.alphabet, this.settings.blank);
    if (!answer) throw new CaptchaSolverError('the captcha model read no characters in the image');
    return answer;
  }
}
