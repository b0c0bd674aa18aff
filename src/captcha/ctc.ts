/**
 * Greedy CTC decoding: take the best class at each time step, merge runs of the same class, drop
 * blanks. Repeated letters therefore need a blank between them in the model's output.
 */
export interface CtcLayout {
  /** Number of time steps. */
  steps: number;
  /** Number of classes (alphabet + blank). */
  classes: number;
  /** Index of logits[t][c] in the flat array. */
  index(t: number, c: number): number;
}

export function greedyCtcDecode(logits: ArrayLike<number>, layout: CtcLayout, alphabet: string, blank = 0): string {
  let out = '';
  let previous = -1;
  for (let t = 0; t < layout.steps; t++) {
    let best = 0;
    let bestValue = -Infinity;
    for (let c = 0; c < layout.classes; c++) {
      const v = logits[layout.index(t, c)] ?? -Infinity;
      if (v > bestValue) {
        bestValue = v;
        best = c;
      }
    }
    if (best !== previous && best !== blank) {
      const symbolIndex = best > blank ? best - 1 : best;
      out += alphabet[symbolIndex] ?? '';
    }
    previous = best;
  }
  return out;
}

/**
 * Works out how a model laid out its output from the tensor's dims: [1, T, C], [T, 1, C], [T, C]
 * or [1, C, T]; C must equal the number of classes.
 */
export function ctcLayoutFor(dims: readonly number[], classes: number): CtcLayout {
  if (dims.length === 3 && dims[2] === classes) {
    const steps = dims[0] === 1 ? dims[1]! : dims[0]!;
    return { steps, classes, index: (t, c) => t * classes + c };
  }
  if (dims.length === 3 && dims[0] === 1 && dims[1] === classes) {
    const steps = dims[2]!;
    return { steps, classes, index: (t, c) => c * steps + t };
  }
  if (dims.length === 2 && dims[1] === classes) {
    return { steps: dims[0]!, classes, index: (t, c) => t * classes + c };
  }
  throw new Error(
    `the model's output has shape [${dims.join(', ')}], expected [1, T, ${classes}] or [T, 1, ${classes}] ` +
      `(${classes} = blank + ${classes - 1} characters)`,
  );
}
