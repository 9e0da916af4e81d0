import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable, noteConnectionError } from '../../src/db/availability';

/** What node-postgres hands over: an Error with the server's SQLSTATE, or a socket errno. */
const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006'])('takes SQLSTATE %s for an outage', (code) => {
    expect(isDatabaseUnavailable(pgError(code))).toBe(true);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'EPIPE'])('takes the socket error %s for an outage', (code) => {
    expect(isDatabaseUnavailable(pgError(code, `connect ${code} 127.0.0.1:5432`))).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Client has encountered a connection error and is not queryable',
    'timeout exceeded when trying to connect',
    'Connection terminated due to connection timeout',
    'the database system is starting up',
  ])('takes the driver message "%s" for an outage', (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true);
  });

  it('looks inside what wraps the driver error: TypeORM, a GraphQL error, a cause, an AggregateError', () => {
    expect(isDatabaseUnavailable({ name: 'QueryFailedError', message: 'terminating', driverError: pgError('57P01') })).toBe(true);
    expect(isDatabaseUnavailable(new GraphQLError('wrapped', { originalError: pgError('57P03') }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: pgError('ECONNRESET') }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')]))).toBe(true);
  });

  it('takes a query runner TypeORM released by itself for an outage only while connections fail', () => {
    const released = Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' });
    // no connection failed in this process yet: a use after release is a bug
    expect(isDatabaseUnavailable(released)).toBe(false);
    noteConnectionError();
    expect(isDatabaseUnavailable(released)).toBe(true);
  });

  it.each([
    ['a unique violation', '23505'],
    ['a statement timeout', '57014'],
    ['a serialization failure', '40001'],
    ['a syntax error', '42601'],
    ['a data exception', '22P02'],
    ['a deadlock', '40P01'],
  ])('does not take %s for an outage (the operation failed, not the connection)', (_name, code) => {
    expect(isDatabaseUnavailable(pgError(code))).toBe(false);
  });

  it('does not take plain errors, non-errors or a deep chain for an outage', () => {
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    const loop: { cause?: unknown; message: string } = { message: 'a' };
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});
