import { loadConfig } from '@cellscope/config';
import { InfluxHttpClient } from './influx-http.client';

describe('InfluxHttpClient', () => {
  it('backs off exponentially with jitter, capped', () => {
    const client = new InfluxHttpClient({ url: 'http://127.0.0.1:1', database: 'd', retryBaseDelayMs: 100, retryMaxDelayMs: 1000 });
    expect(client.backoffDelayMs(0, () => 0)).toBe(50);
    expect(client.backoffDelayMs(0, () => 1)).toBe(100);
    expect(client.backoffDelayMs(2, () => 0)).toBe(200);
    expect(client.backoffDelayMs(2, () => 1)).toBe(400);
    expect(client.backoffDelayMs(10, () => 1)).toBe(1000);
    expect(client.backoffDelayMs(10, () => 0)).toBe(500);
  });

  it('is built from the configuration', () => {
    const client = InfluxHttpClient.fromConfig(loadConfig({ INFLUX_URL: 'http://influx:8086', INFLUX_DATABASE: 'pm' }));
    expect(client.database).toBe('pm');
  });
});
