import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CLEARANCE_COOKIE = 'cf_clearance';
const MAX_AGE_SECONDS = 1800;

/**
 * Cloudflare's clearance, as the simulator plays it: the challenge page hands the browser's script
 * a value `<nonce>.<mac>`; the server later accepts any request carrying a value whose MAC it made.
 * Not bound to the address or the user agent (Cloudflare binds both; loopback tests have one of each).
 */
export class ClearanceIssuer {
  private readonly secret = randomBytes(32);

  private mac(nonce: string): string {
    return createHmac('sha256', this.secret).update(nonce).digest('base64url').slice(0, 32);
  }

  issue(): { name: string; value: string; maxAge: number } {
    const nonce = randomBytes(12).toString('base64url');
    return { name: CLEARANCE_COOKIE, value: `${nonce}.${this.mac(nonce)}`, maxAge: MAX_AGE_SECONDS };
  }

  /** True when the Cookie header carries a clearance this issuer made. */
  cleared(cookieHeader: string | undefined): boolean {
    const m = new RegExp(`(?:^|;\\s*)${CLEARANCE_COOKIE}=([\\w-]+)\\.([\\w-]{32})(?:;|$)`).exec(cookieHeader ?? '');
    if (!m) return false;
    const expected = Buffer.from(this.mac(m[1]!));
    const given = Buffer.from(m[2]!);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
