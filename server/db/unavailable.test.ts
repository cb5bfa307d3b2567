import net from 'node:net';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { openPostgres } from './database.ts';
import { isDatabaseUnavailable, unavailableReason } from './unavailable.ts';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a database that cannot be reached', () => {
  for (const code of [
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'ENOTFOUND',
    'EHOSTUNREACH',
  ]) {
    it(`is recognised by the socket code ${code}`, () => {
      expect(unavailableReason(coded(code))).toBe(code);
    });
  }

  for (const code of [
    '08000',
    '08003',
    '08006',
    '08001',
    '08004',
    '08P01',
    '57P01',
    '57P02',
    '57P03',
  ]) {
    it(`is recognised by the SQLSTATE ${code}`, () => {
      expect(unavailableReason(coded(code, 'terminating connection'))).toBe(code);
    });
  }

  for (const message of [
    'Connection terminated unexpectedly',
    'Connection terminated',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
  ]) {
    it(`is recognised by node-postgres's own words: ${message}`, () => {
      expect(unavailableReason(new Error(message))).toBe(message);
    });
  }

  it('is recognised inside an AggregateError (one error per address) and as a cause', () => {
    const aggregate = new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'x');
    expect(isDatabaseUnavailable(aggregate)).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: coded('57P01') }))).toBe(true);
  });

  it('is what node-postgres really throws when nothing listens on the port', async () => {
    const { db } = openPostgres(`postgres://postgres@127.0.0.1:${await closedPort()}/test`, 1);
    try {
      const error: unknown = await sql`select 1`.execute(db).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(unavailableReason(error)).toBe('ECONNREFUSED');
    } finally {
      await db.destroy();
    }
  });
});

describe('an error that is not the database going away', () => {
  it.each([
    ['a unique violation', coded('23505')],
    ['a syntax error', coded('42601')],
    ['a refused privilege', coded('42501')],
    ['a cancelled statement (statement_timeout)', coded('57014')],
    ['a serialization failure', coded('40001')],
    ['a code that merely starts with 08 but is no SQLSTATE', coded('08ABCDEF')],
    ['a plain error', new Error('boom')],
    [
      'a driver message quoted in a longer text',
      new Error('x: Connection terminated unexpectedly'),
    ],
    ['a driver message with a code of its own', coded('23505', 'Connection terminated')],
    ['an AppError', new AppError('NOT_FOUND')],
    ['no error at all', 'ECONNREFUSED'],
    ['null', null],
  ])('%s stays what it is', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('does not walk an endless chain of causes', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
