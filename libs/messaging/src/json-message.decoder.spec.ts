import { ContractParseResult } from '@cellscope/contracts';
import { decodeJsonMessage, MAX_MESSAGE_BYTES } from './json-message.decoder';
import { InboundMessage } from './inbound-message';

const message = (value: Buffer | null): InboundMessage => ({ topic: 't', partition: 0, offset: '1', key: 'k', value, timestamp: new Date(0) });
const acceptAll = (raw: unknown): ContractParseResult<unknown> => ({ ok: true, value: raw });

describe('decodeJsonMessage', () => {
  it.each([
    ['an empty value', Buffer.alloc(0), 'EMPTY'],
    ['a tombstone', null, 'EMPTY'],
    ['an oversize value', Buffer.from(`{"a":"${'x'.repeat(MAX_MESSAGE_BYTES)}"}`), 'OVERSIZE'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), 'INVALID_JSON'],
    ['an encoded surrogate (CESU-8)', Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), 'INVALID_JSON'],
    ['text that is not JSON', Buffer.from('{"a":'), 'INVALID_JSON'],
  ])('dead-letters %s with code %s', (_name, value, code) => {
    const decoded = decodeJsonMessage(message(value), acceptAll);
    expect(decoded).toEqual({ ok: false, error: { code, message: expect.any(String) } });
  });

  it('dead-letters a value whose validator throws instead of throwing itself', () => {
    const throwing = (): ContractParseResult<unknown> => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    expect(decodeJsonMessage(message(Buffer.from('{}')), throwing)).toEqual({
      ok: false,
      error: { code: 'INVALID_CONTRACT', message: 'value could not be validated: Maximum call stack size exceeded' },
    });
  });

  it('passes the parsed value through a validator that accepts it', () => {
    expect(decodeJsonMessage(message(Buffer.from('{"a":[1]}')), acceptAll)).toEqual({ ok: true, value: { a: [1] } });
  });
});
