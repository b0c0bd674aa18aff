import { responseFailure, retryAfterMs } from '../http-status.js';
import { checkTarget, fetchFailure } from '../ssrf.js';
import { type ChannelDefinition, DeliveryError, type FieldError, type ParseResult } from '../types.js';

/**
 * Telegram, through the Bot API's sendMessage.
 *
 *   tgram://BOT_TOKEN/CHAT_ID[/CHAT_ID…][?api=https://bot-api.example.com]
 *
 * The bot token (123456789:AA…) has a colon, so this form is parsed by hand rather than as a URL.
 * `api` points at another Bot API server (a self-hosted one, or a local one in tests).
 * With several chats, a retry after one chat failed sends to every chat again: Telegram cannot
 * drop repeats, so for strict once-only delivery give each chat its own channel.
 */
export interface TelegramConfig {
  token: string;
  chats: string[];
  api: string;
}

const DEFAULT_API = 'https://api.telegram.org';
const TOKEN = /^\d{3,}:[-_A-Za-z0-9]{20,}$/;
const CHAT = /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/;

function parse(raw: string): ParseResult<TelegramConfig> {
  const m = /^tgram:\/\/([^/?#]*)\/?([^?#]*)(?:\?([^#]*))?$/.exec(raw.trim());
  if (!m)
    return {
      ok: false,
      errors: [{ field: 'scheme', message: 'a Telegram URL has the form tgram://BOT_TOKEN/CHAT_ID' }],
    };
  const [, token = '', path = '', query = ''] = m;
  const errors: FieldError[] = [];
  const decodedToken = decodeURIComponent(token);
  if (!TOKEN.test(decodedToken)) {
    errors.push({ field: 'token', message: 'the bot token should look like 123456789:AAE… (from @BotFather)' });
  }
  const chats = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (chats.length === 0)
    errors.push({ field: 'chat', message: 'give at least one chat id: tgram://BOT_TOKEN/CHAT_ID' });
  for (const chat of chats) {
    if (!CHAT.test(chat))
      errors.push({ field: 'chat', message: `"${chat}" is not a chat id (a number, or @channelname)` });
  }
  const params = new URLSearchParams(query);
  let api = DEFAULT_API;
  const apiParam = params.get('api');
  if (apiParam) {
    try {
      const u = new URL(apiParam);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
      api = `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
    } catch {
      errors.push({ field: 'api', message: 'api= must be an http(s) URL of a Bot API server' });
    }
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, config: { token: decodedToken, chats, api } };
}

function build(c: TelegramConfig, token: string): string {
  const query = c.api === DEFAULT_API ? '' : `?api=${encodeURIComponent(c.api)}`;
  return `tgram://${token}/${c.chats.join('/')}${query}`;
}

export const telegramChannel: ChannelDefinition<TelegramConfig> = {
  name: 'telegram',
  schemes: ['tgram'],
  usage: 'tgram://BOT_TOKEN/CHAT_ID[/CHAT_ID…]',
  deduplicates: false,
  parse,
  serialize: (c) => build(c, c.token),
  // Keep the bot id (before the colon): it tells bots apart and is public anyway.
  mask: (c) => build(c, `${c.token.split(':')[0]}:****`),
  async validate(c, ctx) {
    const problem = await checkTarget(new URL(c.api).hostname, ctx.allowPrivateTargets);
    return problem ? [{ field: 'api', message: problem }] : [];
  },
  async send(c, message, ctx) {
    // Sent as plain text: no parse_mode, so nothing in a status text can break the formatting.
    const text = `${message.title}\n\n${message.text}`;
    for (const chat of c.chats) {
      let res: Response;
      try {
        res = await ctx.fetch(`${c.api}/bot${c.token}/sendMessage`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ chat_id: chat, text: text.slice(0, 4096), disable_web_page_preview: true }),
        });
      } catch (err) {
        // undici's message may contain the URL, and with it the token: name the server only.
        const e = fetchFailure(err, 'the Telegram Bot API');
        throw new DeliveryError(e.message.split(c.token).join('****'), e.permanent, e.retryAfterMs);
      }
      const body = (await res.json().catch(() => ({}))) as {
        ok?: boolean;
        description?: string;
        parameters?: { retry_after?: number };
      };
      if (!res.ok || body.ok === false) {
        const retry =
          body.parameters?.retry_after !== undefined
            ? String(body.parameters.retry_after)
            : res.headers.get('retry-after');
        const e = responseFailure(res.status, 'Telegram', body.description ?? '', retry);
        throw new DeliveryError(e.message, e.permanent, e.retryAfterMs ?? retryAfterMs(retry), e.reason);
      }
    }
  },
};
