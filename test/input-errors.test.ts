import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { CommandFailure, exitCodeOf, reportError, UsageError } from '../src/cli/runtime.js';
import { cliError } from '../src/cli/shared.js';
import { ConfigError } from '../src/config.js';
import { AppError, InputError } from '../src/errors.js';
import { CheckerSetupError } from '../src/runtime/index.js';
import { CaseInputError, CaseNotFoundError, createCaseRepository, DuplicateCaseError } from '../src/store/cases.js';
import { createSealer } from '../src/store/seal.js';
import { openTestSqlite } from '../src/store/testing.js';
import { apiFields } from '../src/web/api/cases.js';
import { describeFields } from '../src/web/routes/case-form.js';

/**
 * One input error from the store, said by each shell in its own words: the CLI names flags and exits
 * 2, the API names the data's fields, the web form names its labels. No shell reads the message.
 */
async function badCase(): Promise<CaseInputError> {
  const store = await openTestSqlite();
  try {
    const repo = createCaseRepository(store, createSealer(randomBytes(32)));
    const err = await repo
      .add({ app: 'NIV', caseNumber: 'AA!', location: 'Atlantis', context: { route: 'walk-in' as never } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaseInputError);
    return err as CaseInputError;
  } finally {
    await store.close();
  }
}

describe('an input error from the store', () => {
  it('is an AppError with a stable code and structured fields', async () => {
    const err = await badCase();
    expect(err).toBeInstanceOf(InputError);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('invalid_input');
    expect(err.fields.map((f) => f.field).sort()).toEqual(
      ['caseNumber', 'context.route', 'location', 'passport', 'surname'].sort(),
    );
    expect(err.fields.find((f) => f.field === 'context.route')?.accepted).toEqual(['dropbox', 'interview']);
  });

  it('reaches the CLI as flags, with exit code 2', async () => {
    const err = await badCase();
    const cli = cliError(err);
    expect(cli).toBeInstanceOf(UsageError);
    const message = (cli as Error).message;
    expect(message).toMatch(/--id: a case number is 8 to 20/);
    expect(message).toMatch(/--location: unknown CEAC location "Atlantis"/);
    expect(message).toMatch(/--passport: an NIV case needs it/);
    expect(message).toMatch(/--surname: an NIV case needs it/);
    expect(message).toMatch(/--route: .*\(one of dropbox, interview\)/);
    expect(message).not.toMatch(/caseNumber|context\./);
    expect(exitCodeOf(cli)).toBe(2);
    // Also when it is not mapped first: the last-resort reporter knows the class.
    const stderr = process.stderr.write;
    let said = '';
    process.stderr.write = (s: string) => ((said += s), true);
    try {
      expect(reportError(err)).toBe(2);
    } finally {
      process.stderr.write = stderr;
    }
    expect(said).toMatch(/--passport: an NIV case needs it/);
  });

  it('reaches the API by the data fields, with no flag in sight', async () => {
    const fields = apiFields(await badCase());
    expect(Object.keys(fields).sort()).toEqual(['caseNumber', 'context.route', 'location', 'passport', 'surname']);
    expect(fields.passport).toBe('an NIV case needs it (CEAC asks for it)');
    expect(JSON.stringify(fields)).not.toContain('--');
  });

  it('reaches the web form in the words of its labels', async () => {
    const said = describeFields(await badCase());
    expect(said).toMatch(/passport number: an NIV case needs it/);
    expect(said).toMatch(/consulate: unknown CEAC location "Atlantis"/);
    expect(said).not.toContain('--');
  });
});

describe('the CLI maps errors by class', () => {
  it.each([
    ['a case that is not there', new CaseNotFoundError(42), 1, 'there is no case 42 (see `ceac case list`)'],
    ['a duplicate', new DuplicateCaseError(1), 1, 'this case is already watched as case 1'],
    [
      'a bad setting',
      new ConfigError('invalid configuration: PORT: too big'),
      2,
      'invalid configuration: PORT: too big',
    ],
    ['no captcha solver', new CheckerSetupError('checks need a captcha solver'), 2, 'checks need a captcha solver'],
  ])('%s', (_what, err, code, message) => {
    const mapped = cliError(err) as Error;
    expect(mapped.message).toBe(message);
    expect(exitCodeOf(mapped)).toBe(code);
    expect(mapped instanceof UsageError || mapped instanceof CommandFailure).toBe(true);
  });

  it('says the database cannot be reached by the error code, whatever the text', () => {
    const refused = Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' });
    expect((cliError(refused) as Error).message).toBe('cannot open the database: connect failed (check DATABASE_URL)');
    const noDb = Object.assign(new Error('database "x" is missing'), { code: '3D000' });
    expect(cliError(noDb)).toBeInstanceOf(CommandFailure);
    const other = new Error('ECONNREFUSED in a message is not a code');
    expect(cliError(other)).toBe(other);
  });
});
