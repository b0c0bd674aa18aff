import { PNG } from 'pngjs';

/** A grayscale image with values in [0, 1] (0 black, 1 white), row-major. */
export interface GrayImage {
  width: number;
  height: number;
  data: Float32Array;
}

/**
 * Decodes a PNG to grayscale in [0, 1]: ITU-R BT.601 luma (what OCR models are usually trained
 * on), with transparent pixels composited over white as a browser shows them.
 */
export function pngToGray(png: Buffer): GrayImage {
  const img = PNG.sync.read(png);
  const { width, height, data } = img;
  const out = new Float32Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const r = data[i * 4]!;
    const g = data[i * 4 + 1]!;
    const b = data[i * 4 + 2]!;
    const a = data[i * 4 + 3]! / 255;
    const luma = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    out[i] = luma * a + (1 - a);
  }
  return { width, height, data: out };
}

/**
 * Bilinear resize with pixel centres aligned (the convention of OpenCV and PIL), so that halving
 * an image averages each pair of pixels exactly.
 */
export function resizeBilinear(src: GrayImage, width: number, height: number): GrayImage {
  if (src.width === width && src.height === height) return src;
  const out = new Float32Array(width * height);
  const sx = src.width / width;
  const sy = src.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), src.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, src.height - 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), src.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, src.width - 1);
      const wx = fx - x0;
      const p = (xx: number, yy: number) => src.data[yy * src.width + xx]!;
      const top = p(x0, y0) * (1 - wx) + p(x1, y0) * wx;
      const bottom = p(x0, y1) * (1 - wx) + p(x1, y1) * wx;
      out[y * width + x] = top * (1 - wy) + bottom * wy;
    }
  }
  return { width, height, data: out };
}
