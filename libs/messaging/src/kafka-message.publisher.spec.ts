import { splitByRequestSize } from './kafka-message.publisher';

describe('splitByRequestSize', () => {
  const message = (key: string | null, bytes: number, headers?: Record<string, string>) => ({ key, value: 'v'.repeat(bytes), headers });

  it('keeps a small publish in one request', () => {
    const messages = [message('a', 10), message('b', 10), message(null, 10)];
    expect(splitByRequestSize(messages, 1000)).toEqual([messages]);
  });

  it('splits in order so that no request exceeds the limit (record framing and headers counted)', () => {
    const messages = Array.from({ length: 10 }, (_, i) => message(`k${i}`, 300, i === 4 ? { trace: 'h'.repeat(400) } : undefined));
    const runs = splitByRequestSize(messages, 1000);
    expect(runs.flat()).toEqual(messages);
    expect(runs.map((run) => run.length)).toEqual([2, 2, 1, 2, 2, 1]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const wide = { key: 'k', value: '网'.repeat(200) };
    expect(splitByRequestSize([wide, wide], 1000)).toEqual([[wide], [wide]]);
    expect(splitByRequestSize([wide, wide], 1400)).toEqual([[wide, wide]]);
  });

  it('sends a message larger than the limit alone (the broker decides about it)', () => {
    const big = message('big', 5000);
    const small = message('s', 10);
    expect(splitByRequestSize([small, big, small], 1000)).toEqual([[small], [big], [small]]);
    expect(splitByRequestSize([], 1000)).toEqual([]);
  });
});
