import sharp from 'sharp';

/*
 * Captcha images arrive as the site serves them: JPEG (BotDetect's default), PNG or GIF. They are
 * decoded with sharp (libvips, with libjpeg-turbo for JPEG): one well-kept library for every format,
 * shipped as prebuilt binaries inside its npm packages, and the same JPEG decoder that Pillow and
 * OpenCV use, so a model trained in Python sees the pixels it was trained on. jpeg-js (pure JS)
 * would cover JPEG only, with its own IDCT whose values differ by a level or two, and its last
 * release is from 2022.
 */

/** An image with `channels` values per pixel in [0, 1] (0 black, 1 white), row-major, interleaved. */
export interface PlanarImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Float32Array;
}
/** A grayscale image (one channel). */
export type GrayImage = PlanarImage & { channels: 1 };

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

/** The image type by its first bytes (what the server says may be wrong or missing). */
export function sniffImageType(bytes: Buffer): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

/** The file name extension for an image type. */
export function imageExtension(mime: string): string {
  if (mime === 'image/jpeg') return 'jpg';
  if (mime === 'image/gif') return 'gif';
  if (mime === 'image/webp') return 'webp';
  return 'png';
}

/**
 * Decodes any image sharp reads to RGB in [0, 1]; transparent pixels are composited over white
 * as a browser shows them; a GIF gives its first frame.
 */
export async function decodeRgb(bytes: Buffer): Promise<PlanarImage> {
  const { data, info } = await sharp(bytes, { pages: 1 })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const out = new Float32Array(info.width * info.height * 3);
  for (let i = 0; i < out.length; i++) out[i] = data[i]! / 255;
  return { width: info.width, height: info.height, channels: 3, data: out };
}

/** ITU-R BT.601 luma (what OCR models are usually trained on). */
export function toGray(rgb: PlanarImage): GrayImage {
  if (rgb.channels === 1) return rgb as GrayImage;
  const n = rgb.width * rgb.height;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++)
    out[i] = 0.299 * rgb.data[i * 3]! + 0.587 * rgb.data[i * 3 + 1]! + 0.114 * rgb.data[i * 3 + 2]!;
  return { width: rgb.width, height: rgb.height, channels: 1, data: out };
}

/** Decodes any image to grayscale in [0, 1]. */
export async function decodeGray(bytes: Buffer): Promise<GrayImage> {
  return toGray(await decodeRgb(bytes));
}

/**
 * Bilinear resize with pixel centres aligned (the convention of OpenCV and PIL), so that halving
 * an image averages each pair of pixels exactly. Works channel by channel.
 */
export function resizeBilinear<I extends PlanarImage>(src: I, width: number, height: number): I {
  if (src.width === width && src.height === height) return src;
  const ch = src.channels;
  const out = new Float32Array(width * height * ch);
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
      for (let c = 0; c < ch; c++) {
        const p = (xx: number, yy: number) => src.data[(yy * src.width + xx) * ch + c]!;
        const top = p(x0, y0) * (1 - wx) + p(x1, y0) * wx;
        const bottom = p(x0, y1) * (1 - wx) + p(x1, y1) * wx;
        out[(y * width + x) * ch + c] = top * (1 - wy) + bottom * wy;
      }
    }
  }
  return { ...src, width, height, data: out };
}

/** Interleaved HWC values to planar CHW (the layout of an NCHW tensor). */
export function toPlanes(img: PlanarImage): Float32Array {
  if (img.channels === 1) return img.data;
  const n = img.width * img.height;
  const out = new Float32Array(n * img.channels);
  for (let i = 0; i < n; i++) for (let c = 0; c < img.channels; c++) out[c * n + i] = img.data[i * img.channels + c]!;
  return out;
}
