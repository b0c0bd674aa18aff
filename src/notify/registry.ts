import { emailChannel } from './channels/email.js';
import { ntfyChannel } from './channels/ntfy.js';
import { telegramChannel } from './channels/telegram.js';
import { webhookChannel } from './channels/webhook.js';
import type { ChannelDefinition, FieldError } from './types.js';

/** Channels by name and by URL scheme. Registering a second channel under a taken name or scheme is a bug, and throws. */
export class ChannelRegistry {
  private readonly byName = new Map<string, ChannelDefinition>();
  private readonly byScheme = new Map<string, ChannelDefinition>();

  register<C>(channel: ChannelDefinition<C>): this {
    if (this.byName.has(channel.name)) throw new Error(`a channel named "${channel.name}" is already registered`);
    for (const scheme of channel.schemes) {
      const owner = this.byScheme.get(scheme);
      if (owner) throw new Error(`the scheme ${scheme}:// is already taken by the "${owner.name}" channel`);
    }
    const erased = channel as unknown as ChannelDefinition;
    this.byName.set(channel.name, erased);
    for (const scheme of channel.schemes) this.byScheme.set(scheme, erased);
    return this;
  }

  get(name: string): ChannelDefinition | undefined {
    return this.byName.get(name);
  }

  forScheme(scheme: string): ChannelDefinition | undefined {
    return this.byScheme.get(scheme.toLowerCase());
  }

  list(): ChannelDefinition[] {
    return [...this.byName.values()];
  }
}

export const channels = new ChannelRegistry()
  .register(emailChannel)
  .register(webhookChannel)
  .register(ntfyChannel)
  .register(telegramChannel);

/** A channel URL that parsed: which channel, its config, its canonical and masked forms. */
export interface ParsedChannel {
  kind: string;
  config: unknown;
  /** Canonical URL (with secrets): what is sealed at rest. */
  url: string;
  masked: string;
}

export type ParseChannelResult = { ok: true; channel: ParsedChannel } | { ok: false; errors: FieldError[] };

/** Parses an Apprise-style channel URL (syntax only; see validateChannel for the network checks). */
export function parseChannelUrl(raw: string, registry: ChannelRegistry = channels): ParseChannelResult {
  const text = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1];
  if (!scheme) {
    return { ok: false, errors: [{ field: 'url', message: `a channel is a URL such as ${schemesHelp(registry)}` }] };
  }
  const channel = registry.forScheme(scheme);
  if (!channel) {
    return {
      ok: false,
      errors: [
        {
          field: 'scheme',
          message: `${scheme}:// is not a known channel; use one of ${registry
            .list()
            .flatMap((c) => c.schemes.map((s) => `${s}://`))
            .join(', ')}`,
        },
      ],
    };
  }
  const parsed = channel.parse(text);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    channel: {
      kind: channel.name,
      config: parsed.config,
      url: channel.serialize(parsed.config),
      masked: channel.mask(parsed.config),
    },
  };
}

/** The display form of a channel URL: secrets replaced by ****; a URL that does not parse shows only its scheme. */
export function maskChannelUrl(raw: string, registry: ChannelRegistry = channels): string {
  const parsed = parseChannelUrl(raw, registry);
  if (parsed.ok) return parsed.channel.masked;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw.trim())?.[1];
  return scheme ? `${scheme}://****` : '****';
}

/** Parse plus the checks made when a channel is saved (e.g. the SSRF guard). */
export async function validateChannelUrl(
  raw: string,
  options: { allowPrivateTargets: boolean },
  registry: ChannelRegistry = channels,
): Promise<ParseChannelResult> {
  const parsed = parseChannelUrl(raw, registry);
  if (!parsed.ok) return parsed;
  const channel = registry.get(parsed.channel.kind);
  const errors = channel ? await channel.validate(parsed.channel.config, options) : [];
  return errors.length ? { ok: false, errors } : parsed;
}

function schemesHelp(registry: ChannelRegistry): string {
  return registry
    .list()
    .map((c) => c.usage.split(' ')[0])
    .join(', ');
}
