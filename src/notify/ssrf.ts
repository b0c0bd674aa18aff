import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

import { Agent, fetch as undiciFetch } from 'undici';

import { DeliveryError } from './types.js';

/**
 * The SSRF guard: a shared instance must not be a way to reach its own network. Targets are
 * checked twice: when a channel is saved (a clear error for the person), and at every connection
 * (the resolver hook below), so that a name that later resolves to a private address (DNS
 * rebinding) is refused too. Redirects are not followed, since a redirect could point anywhere.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 maps onto IPv4, checked through the embedded address instead
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True when the address is private, loopback, link-local or otherwise not a public unicast address. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true; // not an address at all: refuse rather than guess
  const lower = address.toLowerCase();
  const mapped = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hexMapped?.[1] && hexMapped[2]) {
    const n = (parseInt(hexMapped[1], 16) << 16) | parseInt(hexMapped[2], 16);
    return blocked.check([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'), 'ipv4');
  }
  return blocked.check(lower, 'ipv6');
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
