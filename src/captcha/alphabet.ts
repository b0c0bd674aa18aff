/**
 * The character set of CEAC captchas and of the CTC models people train for them
 * (docs/ceac-protocol.md: digits + A–Z, 200x50 input). Class 0 of a model's output is the CTC blank;
 * class i (i >= 1) is CAPTCHA_ALPHABET[i - 1].
 */
export const CAPTCHA_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const CTC_BLANK = 0;
export const MODEL_INPUT_HEIGHT = 50;
export const MODEL_INPUT_WIDTH = 200;
