import { describe, expect, it } from 'vitest';

import { webhookChannel } from './channels/webhook.js';
import { ChannelRegistry, maskChannelUrl, parseChannelUrl, validateChannelUrl } from './registry.js';

const TOKEN = '123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-Ms';

// Each row: the URL typed, the channel it makes, its canonical (stored) form and its masked form.
const GOOD: { url: string; kind: string; config: object; stored?: string; masked: string }[] = [
  {
    url: 'mailtos://alice:p%40ss@smtp.example.com/?to=alice@example.com',
    kind: 'email',
    config: {
      host: 'smtp.example.com',
      port: null,
      secure: true,
      user: 'alice',
      password: 'p@ss',
      to: ['alice@example.com'],
      from: null,
    },
    stored: 'mailtos://alice:p%40ss@smtp.example.com/?to=alice@example.com',
    masked: 'mailtos://alice:****@smtp.example.com/?to=a*@example.com',
  },
  {
    url: 'mailto://mail.example.org:2525/?to=a@x.org,b@y.org&from=watch@x.org',
    kind: 'email',
    config: {
      host: 'mail.example.org',
      port: 2525,
      secure: false,
      user: null,
      password: null,
      to: ['a@x.org', 'b@y.org'],
      from: 'watch@x.org',
    },
    masked: 'mailto://mail.example.org:2525/?to=a*@x.org,b*@y.org&from=watch@x.org',
  },
  {
    url: 'mailto:///?to=me@example.com',
    kind: 'email',
    config: { host: null, port: null, secure: false, user: null, password: null, to: ['me@example.com'], from: null },
    masked: 'mailto:///?to=m*@example.com',
  },
  {
    url: 'jsons://hooks.example.com/ceac?secret=0123456789abcdef01',
    kind: 'webhook',
    config: { target: 'https://hooks.example.com/ceac', secret: '0123456789abcdef01' },
    stored: 'https://hooks.example.com/ceac?secret=0123456789abcdef01',
    masked: 'https://hooks.example.com/ceac?secret=****',
  },
  {
    url: 'json://10.0.0.5:8080/hook?channel=ops',
    kind: 'webhook',
    config: { target: 'http://10.0.0.5:8080/hook?channel=ops', secret: null },
    masked: 'http://10.0.0.5:8080/hook?channel=****',
  },
  {
    url: 'https://example.com/x',
    kind: 'webhook',
    config: { target: 'https://example.com/x', secret: null },
    masked: 'https://example.com/x',
  },
  {
    url: 'ntfy://my_visa-topic',
    kind: 'ntfy',
    config: { server: 'https://ntfy.sh', topic: 'my_visa-topic', user: null, password: null, token: null },
    stored: 'ntfys://ntfy.sh/my_visa-topic',
    masked: 'ntfys://ntfy.sh/my_visa-topic',
  },
  {
    url: 'ntfys://bob:hunter2@push.example.net/visa',
    kind: 'ntfy',
    config: { server: 'https://push.example.net', topic: 'visa', user: 'bob', password: 'hunter2', token: null },
    masked: 'ntfys://bob:****@push.example.net/visa',
  },
  {
    url: 'ntfy://localhost:8090/visa?token=tk_abcdef',
    kind: 'ntfy',
    config: { server: 'http://localhost:8090', topic: 'visa', user: null, password: null, token: 'tk_abcdef' },
    masked: 'ntfy://localhost:8090/visa?token=****',
  },
  {
    url: `tgram://${TOKEN}/123456789`,
    kind: 'telegram',
    config: { token: TOKEN, chats: ['123456789'], api: 'https://api.telegram.org' },
    masked: 'tgram://123456789:****/123456789',
  },
  {
    url: `tgram://${TOKEN}/-1001234/@visa_news?api=http://127.0.0.1:9999/`,
    kind: 'telegram',
    config: { token: TOKEN, chats: ['-1001234', '@visa_news'], api: 'http://127.0.0.1:9999' },
    masked: 'tgram://123456789:****/-1001234/@visa_news?api=http%3A%2F%2F127.0.0.1%3A9999',
  },
];

const BAD: { url: string; field: string; says: RegExp }[] = [
  { url: 'not a url', field: 'url', says: /a channel is a URL such as/ },
  { url: 'slack://abc/def', field: 'scheme', says: /slack:\/\/ is not a known channel; use one of .*mailto:\/\// },
  { url: 'mailto://smtp.example.com/', field: 'to', says: /\?to=you@example.com/ },
  { url: 'mailto://smtp.example.com/?to=nobody', field: 'to', says: /"nobody" is not an e-mail address/ },
  { url: 'jsons://hooks.example.com/x?secret=short', field: 'secret', says: /at least 16 characters/ },
  { url: 'https://user:pw@hooks.example.com/x', field: 'credentials', says: /no user:password/ },
  { url: 'ntfys://push.example.net/bad topic!', field: 'topic', says: /not an ntfy topic/ },
  { url: 'ntfys://bob@push.example.net/visa', field: 'password', says: /without a password/ },
  { url: 'tgram://notatoken/123', field: 'token', says: /@BotFather/ },
  { url: `tgram://${TOKEN}`, field: 'chat', says: /at least one chat id/ },
  { url: `tgram://${TOKEN}/hello world`, field: 'chat', says: /not a chat id/ },
  { url: `tgram://${TOKEN}/1?api=ftp://x`, field: 'api', says: /http\(s\) URL/ },
];

describe('parseChannelUrl', () => {
  it.each(GOOD)('$url', ({ url, kind, config, stored, masked }) => {
    const r = parseChannelUrl(url);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.channel.kind).toBe(kind);
    expect(r.channel.config).toEqual(config);
    if (stored) expect(r.channel.url).toBe(stored);
    expect(r.channel.masked).toBe(masked);
    // The stored form parses back to the same config: nothing is lost by sealing the canonical URL.
    const again = parseChannelUrl(r.channel.url);
    expect(again.ok && again.channel.config).toEqual(config);
  });

  it.each(BAD)('rejects $url ($field)', ({ url, field, says }) => {
    const r = parseChannelUrl(url);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.errors.find((e) => e.field === field);
    expect(hit, JSON.stringify(r.errors)).toBeDefined();
    expect(hit!.message).toMatch(says);
  });

  it('never shows a secret in the masked form', () => {
    for (const { url } of GOOD) {
      const masked = maskChannelUrl(url);
      for (const secret of [
        'p@ss',
        'p%40ss',
        'hunter2',
        'tk_abcdef',
        '0123456789abcdef01',
        TOKEN.split(':')[1]!,
        'alice@example.com',
      ]) {
        expect(masked).not.toContain(secret);
      }
    }
    expect(maskChannelUrl('mailto://u:secretpw@host/?to=bad')).toBe('mailto://****');
  });
});

describe('ChannelRegistry', () => {
  it('rejects a second channel with a taken name or scheme', () => {
    const r = new ChannelRegistry().register(webhookChannel);
    expect(() => r.register(webhookChannel)).toThrow(/already registered/);
    expect(() => r.register({ ...webhookChannel, name: 'hook2' })).toThrow(
      /json:\/\/ is already taken by the "webhook"/,
    );
  });
});

describe('validateChannelUrl (SSRF guard at save time)', () => {
  it.each([
    'json://127.0.0.1:8080/hook',
    'json://localhost:8080/hook',
    'jsons://169.254.169.254/latest/meta-data',
    'json://[::1]/x',
    'json://[::ffff:10.1.2.3]/x',
    'json://2130706433/x', // 127.0.0.1 written as one number
    'json://0x7f.1/x',
    'ntfy://192.168.1.10/topic',
    `tgram://${TOKEN}/1?api=http://10.0.0.1`,
  ])('refuses %s unless private targets are allowed', async (url) => {
    const refused = await validateChannelUrl(url, { allowPrivateTargets: false });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.errors[0]!.message).toMatch(/private, loopback or link-local.*CEAC_WATCH_ALLOW_PRIVATE_TARGETS=1/);
    const allowed = await validateChannelUrl(url, { allowPrivateTargets: true });
    expect(allowed.ok).toBe(true);
  });

  it('accepts a public address', async () => {
    expect((await validateChannelUrl('jsons://93.184.215.14/hook', { allowPrivateTargets: false })).ok).toBe(true);
  });
});
