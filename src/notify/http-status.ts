import { DeliveryError } from './types.js';

/** Reads a Retry-After header (seconds or an HTTP date) as milliseconds. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * What a non-2xx answer means for a notification: retry later (timeouts, rate limits, server
 * trouble) or give up (the target says the request itself is wrong, gone, or not allowed).
 */
export function responseFailure(
  status: number,
  what: string,
  detail: string,
  retryAfter: string | null,
): DeliveryError {
  const said = detail ? `: ${detail.slice(0, 200)}` : '';
  if (status >= 300 && status < 400) {
    return new DeliveryError(
      `${what} answered with a redirect (HTTP ${status}); redirects are not followed: use the final URL`,
      true,
    );
  }
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    return DeliveryError.willRetry(`${what} answered HTTP ${status}${said}`, retryAfterMs(retryAfter));
  }
  const hint =
    status === 401 || status === 403
      ? ' (check the credentials or token in the channel URL)'
      : status === 404 || status === 410
        ? ' (the target no longer exists: update or remove the channel)'
        : '';
  return new DeliveryError(`${what} refused the notification with HTTP ${status}${said}${hint}`, true);
}
