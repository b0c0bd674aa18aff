import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

import ipaddr from 'ipaddr.js';
import { Agent, fetch as undiciFetch } from 'undici';

import { DeliveryError } from './types.js';

/**
 * The SSRF guard: a shared instance must not be a way to reach its own network. Targets are
 * checked twice: when a channel is saved (a clear error for the person), and at every connection
 * (the resolver hook below), so that a name that later resolves to a private address (DNS
 * rebinding) is refused too. Redirects are not followed, since a redirect could point anywhere.
 */
// Address classes from ipaddr.js (a well-kept table of the IANA special-purpose registries) rather
// than ranges of our own: only global unicast addresses are targets. IPv4 must be plain unicast
// (not private, loopback, link-local, CGNAT, documentation, benchmarking, reserved, multicast...);
// IPv6 must be in 2000::/3 and not one of its special blocks (6to4, Teredo, NAT64, documentation...),
// which also refuses every form that embeds an IPv4 address; IPv4-mapped addresses are judged by
// the IPv4 address inside.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/** True when the address is private, loopback, link-local or otherwise not a public unicast address. */
export function isPrivateAddress(address: string): boolean {
  if (!isIP(address)) return true; // not an address at all: refuse rather than guess
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return true;
  }
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  if (parsed instanceof ipaddr.IPv4) return parsed.range() !== 'unicast';
  return parsed.range() !== 'unicast' || !parsed.match(GLOBAL_UNICAST_V6);
}

function refusal(host: string, address: string): string {
  return (
    `refused: ${host} resolves to ${address}, a private, loopback or link-local address; ` +
    'notification targets must be public (an operator can allow private targets with CEAC_WATCH_ALLOW_PRIVATE_TARGETS=1)'
  );
}

/** Resolves a host name (or takes an IP literal) and returns why it is refused, or null when it is allowed (or not resolvable now). */
export async function checkTarget(host: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return isPrivateAddress(bare) ? refusal(host, bare) : null;
  let addresses: LookupAddress[];
  try {
    addresses = await new Promise((resolve, reject) =>
      dnsLookup(bare, { all: true }, (err, list) => (err ? reject(err) : resolve(list))),
    );
  } catch {
    // Not resolvable now (offline, or a name that appears later) is not a reason to refuse: the
    // connection-time guard checks the address anyway, and `ceac notify test` shows a typo at once.
    return null;
  }
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  return bad ? refusal(host, bad.address) : null;
}

/**
 * The one address to connect to for `host` (a name or an IP literal), after checking every address
 * it resolves to: for clients that do their own resolving (SMTP), which then connect to exactly the
 * address that was checked. Throws a permanent DeliveryError when any address is private.
 */
export async function resolvePublicAddress(host: string): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) {
    if (isPrivateAddress(bare)) throw new DeliveryError(refusal(host, bare), true);
    return bare;
  }
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(bare, { all: true }, (err, list) => (err ? reject(err) : resolve(list))),
  ).catch((err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw DeliveryError.willRetry(`cannot resolve ${host} (${code})`);
  });
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad) throw new DeliveryError(refusal(host, bad.address), true);
  const first = addresses[0];
  if (!first) throw DeliveryError.willRetry(`no address for ${host}`);
  return first.address;
}

/** A resolver for net.connect that refuses private addresses at connection time. */
function guardedLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, list) => {
      if (err) {
        callback(err, '', 4);
        return;
      }
      const addresses = list;
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad) {
        const e = new Error(refusal(hostname, bad.address)) as NodeJS.ErrnoException;
        e.code = 'ERR_PRIVATE_TARGET';
        callback(e, '', 4);
        return;
      }
      if (options.all) {
        (callback as unknown as (e: null, l: LookupAddress[]) => void)(null, addresses);
        return;
      }
      const first = addresses[0];
      if (!first) {
        callback(new Error(`no address for ${hostname}`), '', 4);
        return;
      }
      callback(null, first.address, first.family);
    });
  };
}

export interface GuardedHttp {
  fetch: typeof fetch;
  agent: Agent;
  close(): Promise<void>;
}

/**
 * fetch for notification targets: keep-alive pool, the connection-time guard unless private targets
 * are allowed, IP-literal targets checked before connecting (they skip the resolver), no redirects.
 */
export function createGuardedHttp(options: { allowPrivateTargets: boolean; timeoutMs: number }): GuardedHttp {
  const agent = new Agent({
    connect: options.allowPrivateTargets ? {} : { lookup: guardedLookup() },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connections: 16,
  });
  const guardedFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivateTargets && isIP(host) && isPrivateAddress(host)) {
      throw new DeliveryError(refusal(url.hostname, host), true);
    }
    return undiciFetch(url, {
      ...(init as object),
      redirect: 'manual',
      dispatcher: agent,
      signal: init?.signal ?? AbortSignal.timeout(options.timeoutMs),
    });
  }) as unknown as typeof fetch;
  return { fetch: guardedFetch, agent, close: () => agent.close() };
}

/** Turns a fetch failure into a DeliveryError: refused targets are permanent, network trouble is not. */
export function fetchFailure(err: unknown, what: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = err as Error & { cause?: NodeJS.ErrnoException & { code?: string } };
  const cause = e.cause;
  if (cause?.code === 'ERR_PRIVATE_TARGET') return new DeliveryError(cause.message, true);
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return new DeliveryError(`${what} did not answer in time`, false);
  const code = cause?.code ? ` (${cause.code})` : '';
  return new DeliveryError(`cannot reach ${what}${code}: ${cause?.message ?? e.message}`, false);
}
