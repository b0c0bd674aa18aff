import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createLogger, maskCaseNumber } from './log.js';
import { createSealer } from './store/seal.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ level: 'trace', destination: stream });
  return { logger, text: () => lines.join('') };
}

describe('createLogger', () => {
  const sealer = createSealer(randomBytes(32));
  const passport = 'X98765432';
  const surname = 'OKONKWO';
  const email = 'ada@example.org';

  it('never writes a plain or sealed passport, surname or e-mail, wherever they sit', () => {
    const { logger, text } = capture();
    const sealedPassport = sealer.seal(passport);
    const sealedSurname = sealer.seal(surname);
    logger.info({ passport, surname, email }, 'adding a case');
    logger.info({ case: { id: 1, passport_sealed: sealedPassport, surname_sealed: sealedSurname } }, 'case row');
    logger.warn({ query: { app: 'NIV', id: 'AA0020AKAX', passport, surname } }, 'checking');
    logger.error({ job: { data: { query: { passport, surname } } } }, 'job failed');
    logger.info({ req: { headers: { authorization: 'Bearer abc.def', cookie: 'sid=1' } } }, 'request');
    logger.info({ channel: { secret: 'hunter2-secret', token: 'tok-123456', password: 'pw-987' } }, 'channel');
    logger.info(`stored ${sealedPassport} for later`);
    logger.error({ err: new Error(`could not unseal ${sealedSurname}`) }, 'failure');
    const out = text();
    for (const secret of [
      passport,
      surname,
      email,
      sealedPassport,
      sealedSurname,
      'abc.def',
      'sid=1',
      'hunter2-secret',
      'tok-123456',
      'pw-987',
    ]) {
      expect(out).not.toContain(secret);
    }
    // The lines are still useful: the non-sensitive fields and messages survive.
    expect(out).toContain('AA0020AKAX');
    expect(out).toContain('adding a case');
    expect(out).toContain('[redacted]');
    expect(out).toContain('[sealed]');
    expect(out.trim().split('\n')).toHaveLength(8);
  });

  it('masks case numbers', () => {
    expect(maskCaseNumber('AA0020AKAX')).toBe('AA******AX');
    expect(maskCaseNumber('abc')).toBe('****');
    expect(maskCaseNumber(null)).toBe('');
  });
});
