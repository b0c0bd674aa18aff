import { existsSync, readFileSync } from 'node:fs';

import type * as OrtModule from 'onnxruntime-node';

import { CAPTCHA_ALPHABET, CTC_BLANK, MODEL_INPUT_HEIGHT, MODEL_INPUT_WIDTH } from './alphabet.js';
import { ctcLayoutFor, greedyCtcDecode } from './ctc.js';
import { decodeRgb, resizeBilinear, toGray, toPlanes } from './image.js';
import { type CaptchaSolver, CaptchaSolverError } from './solver.js';

type Ort = typeof OrtModule;
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;

/**
 * Optional settings beside the model, in `<model>.json`: a model trained with another alphabet or
 * blank index says so there. Without the file, the defaults of docs/ceac-protocol.md apply.
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

/** How a model wants its image: read from the model's declared input. */
export interface ModelInput {
  name: string;
  order: 'NCHW' | 'NHWC';
  channels: 1 | 3;
  /** null when the model leaves it open: the image is given as served. */
  height: number | null;
  width: number | null;
}

const isChannels = (d: number | string | undefined): d is 1 | 3 => d === 1 || d === 3;
const fixedDim = (d: number | string | undefined) => (typeof d === 'number' && d > 0 ? d : null);

/**
 * Reads the input's layout from its declared shape: [N, C, H, W] or [N, H, W, C] with C = 1
 * (grayscale) or 3 (RGB), H and W fixed or open. A model without metadata gets the old default:
 * NCHW grayscale 50x200.
 */
export function modelInputFor(name: string, shape: readonly (number | string)[]): ModelInput {
  if (shape.length === 0)
    return { name, order: 'NCHW', channels: 1, height: MODEL_INPUT_HEIGHT, width: MODEL_INPUT_WIDTH };
  if (shape.length === 4 && isChannels(shape[1]))
    return { name, order: 'NCHW', channels: shape[1], height: fixedDim(shape[2]), width: fixedDim(shape[3]) };
  if (shape.length === 4 && isChannels(shape[3]))
    return { name, order: 'NHWC', channels: shape[3], height: fixedDim(shape[1]), width: fixedDim(shape[2]) };
  throw new CaptchaSolverError(
    `the captcha model's input "${name}" has shape [${shape.join(', ')}]; expected [1, C, H, W] or [1, H, W, C] ` +
      'with C = 1 (grayscale) or 3 (RGB)',
  );
}

/**
 * A CTC captcha model run with onnxruntime-node. The input is read from the model: 1 channel
 * (BT.601 grayscale) or 3 (RGB), NCHW or NHWC, values in [0, 1], resized to the model's H x W when
 * it fixes them and given as served when it leaves them open. So the public CEACStatusBot model
 * (input "input" [1, 3, H, W] RGB, output [T, 1, 37]) works as it is. Output: per time step scores
 * over blank + alphabet, decoded greedily.
 */
export class OnnxSolver implements CaptchaSolver {
  readonly name = 'onnx';

  private constructor(
    private readonly ort: Ort,
    private readonly session: Session,
    private readonly settings: OnnxModelSettings,
    readonly input: ModelInput,
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
    // Older onnxruntime builds have no input metadata: then the layout is the old default.
    const meta = session.inputMetadata[0];
    const shape = meta?.isTensor ? meta.shape : [];
    return new OnnxSolver(ort, session, settings, modelInputFor(session.inputNames[0]!, shape));
  }

  /** The model's input tensor for an image (JPEG, PNG, GIF...): its values and dims. */
  async preprocess(image: Buffer): Promise<{ data: Float32Array; dims: number[] }> {
    const rgb = await decodeRgb(image);
    const decoded = this.input.channels === 1 ? toGray(rgb) : rgb;
    const { height, width, order, channels } = this.input;
    const img = resizeBilinear(decoded, width ?? decoded.width, height ?? decoded.height);
    if (order === 'NHWC') return { data: img.data, dims: [1, img.height, img.width, channels] };
    return { data: toPlanes(img), dims: [1, channels, img.height, img.width] };
  }

  async solve(image: Buffer): Promise<string> {
    let tensor: { data: Float32Array; dims: number[] };
    try {
      tensor = await this.preprocess(image);
    } catch (e) {
      throw new CaptchaSolverError(`the captcha image could not be read: ${(e as Error).message}`);
    }
    const input = new this.ort.Tensor('float32', tensor.data, tensor.dims);
    const result = await this.session.run({ [this.input.name]: input });
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
