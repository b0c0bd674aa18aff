import { createHmac } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSmtpReceiver } from './notify-receivers.js';
import { Client, webFixture } from './web-harness.js';

/**
 * Notification setup as a person meets it (issue 13): a form per channel kind instead of channel URLs, e-mail to
 * the account's address only where the server can send mail, errors beside their fields with the focus on the
 * first, a time zone picked from a list, and a question before a channel is removed.
 */
type Fixture = Awaited<ReturnType<typeof webFixture>>;
let fx: Fixture | undefined;
let http: HttpReceiver | undefined;
let smtp: SmtpReceiver | undefined;
afterEach(async () => {
  await fx?.close();
  await http?.close();
  await smtp?.stop();
  fx = http = smtp = undefined;
});

const SETTINGS = { events: 'status_changed', timeZone: 'UTC' };
const channels = () => fx!.store.db.selectFrom('notify_channels').selectAll().orderBy('id').execute();

/** The element with this id, as HTML (the start tag and what follows up to its end tag, roughly). */
function tagOf(html: string, id: string): string {
  const m = new RegExp(`<[a-z]+ [^>]*id="${id}"[^>]*>`).exec(html);
  return m ? m[0] : '';
}

async function signedIn(email = 'n@example.com'): Promise<Client> {
  const c = new Client(fx!.app);
  await c.signUp(email);
  await c.page('/notifications');
  return c;
}

describe('notification forms on the web', () => {
  it('without a mail server: no e-mail box, and a plain reason; a forged e-mail request is refused', async () => {
    fx = await webFixture();
    const c = await signedIn();
    const { html } = await c.page('/notifications');
    expect(html).toContain('E-mail is not available on this server');
    expect(html).not.toContain('E-mail me at');
    expect(html).not.toMatch(/name="email"/);
    const res = await c.post('/notifications', { email: '1', ...SETTINGS });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('E-mail is not available on this server (no mail server is set up).');
    expect(await channels()).toHaveLength(0);
  });

  it('with a mail server: one box "E-mail me at <address>", and Send test reaches that address over real SMTP', async () => {
    fx = await webFixture();
    smtp = await startSmtpReceiver();
    fx.services.notify.dispatcherOptions.smtpUrl = `smtp://127.0.0.1:${smtp.port}`;
    fx.services.notify.dispatcherOptions.mailFrom = 'watch@example.org';
    const c = await signedIn('Reader+visa@example.com');
    const { html } = await c.page('/notifications');
    expect(html).toContain('E-mail me at reader+visa@example.com');
    expect(html).not.toContain('E-mail is not available');
    let res = await c.post('/notifications', { email: '1', name: 'inbox', ...SETTINGS });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Added: “inbox”.');
    const [row] = await channels();
    expect(row!.kind).toBe('email');
    // The address is sealed at rest, not readable in the row.
    expect(row!.url_sealed).not.toContain('reader');
    res = await c.post(`/notifications/${row!.id}/test`, {});
    expect(res.status).toBe(303);
    expect(smtp.mails).toHaveLength(1);
    // A "+" survives the URL the form built (an unescaped one would arrive as a space).
    expect(smtp.mails[0]!.to).toEqual(['reader+visa@example.com']);
  });

  it('webhook: the URL field makes a signed channel; Send test arrives at a loopback receiver with a valid signature', async () => {
    fx = await webFixture({ notify: { allowPrivateTargets: true } });
    http = await startHttpReceiver();
    const c = await signedIn();
    let res = await c.post('/notifications', { webhookUrl: `${http.url}/hook`, name: 'hook', ...SETTINGS });
    const html = await res.text();
    expect(res.status).toBe(200);
    const secret = /<p class="token mono">([^<]+)<\/p>/.exec(html)?.[1];
    expect(secret).toBeTruthy();
    const [row] = await channels();
    expect(row!.kind).toBe('webhook');
    res = await c.post(`/notifications/${row!.id}/test`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/notifications?test=ok');
    expect((await c.page('/notifications?test=ok')).html).toContain('Test message sent.');
    expect(http.hits).toHaveLength(1);
    const hit = http.hits[0]!;
    expect(hit.path).toBe('/hook');
    const expected = `sha256=${createHmac('sha256', secret!).update(hit.body).digest('hex')}`;
    expect(hit.headers['x-ceac-signature']).toBe(expected);
  });

  it('Telegram and ntfy: fields become channels; each mistake shows beside its field, the first takes the focus', async () => {
    fx = await webFixture();
    const c = await signedIn();
    // A chat id without a token: the token field is wrong, and nothing else.
    let res = await c.post('/notifications', { tgChat: '12345', ...SETTINGS });
    expect(res.status).toBe(422);
    let html = await res.text();
    expect(html).toContain('Enter the bot token that @BotFather gave you');
    expect(tagOf(html, 'tgToken')).toMatch(/aria-invalid="true"/);
    expect(tagOf(html, 'tgToken')).toMatch(/autofocus/);
    expect(tagOf(html, 'tgToken')).toMatch(/aria-describedby="tgToken-hint tgToken-error"/);
    expect(tagOf(html, 'tgChat')).not.toMatch(/aria-invalid/);
    // What was typed stays in the form.
    expect(tagOf(html, 'tgChat')).toContain('value="12345"');
    // A malformed token and a bad topic together: two errors, the focus on the first in page order.
    res = await c.post('/notifications', { tgToken: 'abc', tgChat: '12345', ntfyTopic: 'has space', ...SETTINGS });
    html = await res.text();
    expect(html).toContain('This is not a bot token');
    expect(html).toContain('A topic is 1 to 64 letters');
    expect(tagOf(html, 'tgToken')).toMatch(/autofocus/);
    expect(tagOf(html, 'ntfyTopic')).toMatch(/aria-invalid="true"/);
    expect(tagOf(html, 'ntfyTopic')).not.toMatch(/autofocus/);
    // Another ntfy server without a topic; a server that is not a web address.
    res = await c.post('/notifications', { ntfyServer: 'ftp://files.example.com', ...SETTINGS });
    html = await res.text();
    expect(html).toContain('The server is an address starting with https://');
    expect(html).toContain('Enter a topic, or put the server back to https://ntfy.sh.');
    expect(await channels()).toHaveLength(0);

    // Both right, in one form: two channels, named after the person's name and their kind.
    const token = '123456789:AAEabcdefghijklmnopqrstuvwxyz012345';
    res = await c.post('/notifications', {
      tgToken: token,
      tgChat: '-100200300',
      ntfyTopic: 'my_visa_news_7f3k',
      name: 'phone',
      ...SETTINGS,
    });
    expect(res.status).toBe(200);
    html = await res.text();
    expect(html).toContain('Added: “phone (telegram)”, “phone (ntfy)”.');
    const rows = await channels();
    expect(rows.map((r) => [r.name, r.kind, r.url_masked])).toEqual([
      ['phone (telegram)', 'telegram', 'tgram://123456789:****/-100200300'],
      ['phone (ntfy)', 'ntfy', 'ntfys://ntfy.sh/my_visa_news_7f3k'],
    ]);
    // The bot token is a secret: sealed, and not on the page.
    expect(rows[0]!.url_sealed).not.toContain('AAEabcdef');
    expect(html).not.toContain('AAEabcdef');
  });

  it('an empty form says where to send, with the focus on that message; settings are checked too', async () => {
    fx = await webFixture();
    const c = await signedIn();
    let res = await c.post('/notifications', { timeZone: 'UTC' });
    expect(res.status).toBe(422);
    let html = await res.text();
    expect(tagOf(html, 'where-error')).toMatch(/autofocus/);
    expect(html).toContain('Say where to send');
    expect(html).toContain('Choose at least one thing to be told about.');
    res = await c.post('/notifications', {
      ntfyTopic: 'abc_def',
      events: 'status_changed',
      quietStart: '22:00',
      timeZone: 'Mars/Base',
    });
    html = await res.text();
    expect(html).toContain('Give both ends of the quiet hours, or neither.');
    expect(html).toContain('Choose a time zone from the list.');
    expect(tagOf(html, 'quietStart')).toMatch(/autofocus/);
    expect(await channels()).toHaveLength(0);
  });

  it('the SSRF guard still speaks, beside the webhook field, when private targets are not allowed', async () => {
    fx = await webFixture();
    const c = await signedIn();
    const res = await c.post('/notifications', { webhookUrl: 'http://127.0.0.1:9/hook', ...SETTINGS });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(tagOf(html, 'webhookUrl')).toMatch(/aria-invalid="true"/);
    expect(/<p class="error" id="webhookUrl-error">([^<]+)</.exec(html)?.[1]).toMatch(/private|loopback|local/i);
    expect(await channels()).toHaveLength(0);
  });

  it('time zone: a list, preselected to the post of the person’s case without script (else UTC), and says which', async () => {
    fx = await webFixture();
    const c = await signedIn();
    let { html } = await c.page('/notifications');
    expect(html).toMatch(/<select id="timeZone" name="timeZone" translate="no" data-browser-tz=""/);
    expect(html).toContain('<option value="UTC" selected="">UTC</option>');
    expect(html).toContain('<option value="Europe/Berlin">');
    expect(html).toContain('Preselected: UTC, because we do not know your time zone.');
    const user = (await fx.services.accounts.findByEmail('n@example.com'))!;
    await fx.services.cases.add({
      app: 'NIV',
      caseNumber: 'AA0012345B',
      location: 'BMB',
      passport: 'Z1234567',
      surname: 'TESTER',
      ownerId: user.id,
    });
    ({ html } = await c.page('/notifications'));
    expect(html).toContain('<option value="Asia/Kolkata" selected="">');
    expect(html).toContain(
      'Preselected: <span translate="no">Asia/Kolkata</span>, the time zone of Mumbai, India, the post of your case.',
    );
    // A zone the person chose is kept on a form with mistakes, and the script is not told to replace it.
    const res = await c.post('/notifications', { ntfyTopic: 'bad topic', events: 'reminder', timeZone: 'Asia/Tokyo' });
    html = await res.text();
    expect(html).toContain('<option value="Asia/Tokyo" selected="">');
    expect(html).not.toContain('data-browser-tz');
  });

  it('Remove asks first: the GET is a question with a button, the POST removes; nobody else’s channel', async () => {
    fx = await webFixture();
    const c = await signedIn();
    await c.post('/notifications', { ntfyTopic: 'topic_one', name: 'my phone', ...SETTINGS });
    const [row] = await channels();
    let { html } = await c.page('/notifications');
    expect(html).toContain(
      `<a class="button secondary" href="/notifications/${row!.id}/delete" aria-label="Remove my phone">`,
    );
    const q = await c.page(`/notifications/${row!.id}/delete`);
    expect(q.res.status).toBe(200);
    expect(q.html).toContain('Remove my phone?');
    expect(q.html).toContain('We will stop sending to <code>ntfys://ntfy.sh/topic_one</code>.');
    expect(q.html).toMatch(new RegExp(`<form method="post" action="/notifications/${row!.id}/delete"`));
    expect(await channels()).toHaveLength(1);

    const other = new Client(fx.app);
    await other.signUp('x@example.com');
    expect((await other.page(`/notifications/${row!.id}/delete`)).res.status).toBe(404);
    expect((await other.post(`/notifications/${row!.id}/delete`, {})).status).toBe(404);
    expect(await channels()).toHaveLength(1);

    const res = await c.post(`/notifications/${row!.id}/delete`, {});
    expect(res.status).toBe(303);
    expect(await channels()).toHaveLength(0);
    ({ html } = await c.page(res.headers.get('location')!));
    expect(html).toContain('Channel removed.');
  });

  it('speaks the reader’s language: the form and its errors in Chinese and Spanish', async () => {
    fx = await webFixture();
    const c = await signedIn();
    c.cookies.set('cw_lang', 'zh-CN');
    let res = await c.post('/notifications', { tgChat: '1', ...SETTINGS });
    let html = await res.text();
    expect(html).toContain('添加通知渠道');
    expect(html).toContain('请填写 @BotFather 给你的 bot token');
    c.cookies.set('cw_lang', 'es');
    res = await c.post('/notifications', { tgChat: '1', ...SETTINGS });
    html = await res.text();
    expect(html).toContain('Agregar un canal');
    expect(html).toContain('Escriba el token del bot');
  });
});
