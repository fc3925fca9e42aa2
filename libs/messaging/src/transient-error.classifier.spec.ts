import { isTransientError } from './transient-error.classifier';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const named = (name: string) => Object.assign(new Error('x'), { name });

describe('isTransientError', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED'), true],
    ['connection reset', withCode('ECONNRESET'), true],
    ['PostgreSQL admin shutdown 57P01', withCode('57P01'), true],
    ['PostgreSQL connection failure 08006', withCode('08006'), true],
    ['PostgreSQL too many connections 53300', withCode('53300'), true],
    ['PostgreSQL serialization failure', withCode('40001'), true],
    ['PostgreSQL deadlock', withCode('40P01'), true],
    ['pg pool closed connection', new Error('Connection terminated unexpectedly'), true],
    ['InfluxDB unavailable', named('InfluxUnavailableError'), true],
    ['InfluxDB database missing', new Error('database not found: cellscope'), true],
    ['kafkajs retriable', Object.assign(new Error('x'), { retriable: true }), true],
    ['TypeORM wrapping a pg error', Object.assign(new Error('query failed'), { driverError: withCode('57P03') }), true],
    ['cause chain', Object.assign(new Error('outer'), { cause: withCode('ETIMEDOUT') }), true],
    ['unique violation 23505', withCode('23505'), false],
    ['syntax error 42601', withCode('42601'), false],
    ['a bug', new TypeError('cannot read properties of undefined'), false],
    ['not an error', 'boom', false],
    ['null', null, false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isTransientError(error)).toBe(expected);
  });
});
