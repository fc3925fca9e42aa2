import { BeforeApplicationShutdown, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Writable } from 'node:stream';
import { ConfigModule } from '@cellscope/config';
import { ObservabilityModule } from '@cellscope/observability';
import { startApp } from './start-app';

/** Records the order of the shutdown hooks and of the process exit. */
const events: string[] = [];

@Injectable()
class WorkInFlight implements BeforeApplicationShutdown, OnApplicationShutdown {
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    events.push(`finish work (${signal})`);
  }

  onApplicationShutdown(): void {
    events.push('close pools');
  }
}

@Module({ providers: [WorkInFlight] })
class WorkModule {}

const quietLogs = new Writable({ write: (_chunk, _encoding, done) => done() });

describe('startApp', () => {
  it('on SIGTERM runs the shutdown hooks, then exits with code 0 instead of re-raising the signal', async () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      events.push(`exit ${code}`);
    }) as never);
    const kill = jest.spyOn(process, 'kill').mockImplementation(() => true);
    const app = await startApp({
      module: (config) => ({
        module: WorkModule,
        imports: [ConfigModule.forRoot(config), ObservabilityModule.forRoot({ service: 'start-app-spec', logDestination: quietLogs })],
      }),
      port: () => 0,
      overrides: { API_HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    });
    try {
      process.emit('SIGTERM', 'SIGTERM');
      await new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + 5000;
        const poll = () => {
          if (exit.mock.calls.length > 0) resolve();
          else if (Date.now() > deadline) reject(new Error(`no exit after SIGTERM; events: ${events.join(', ')}`));
          else setTimeout(poll, 10);
        };
        poll();
      });
      expect(events).toEqual(['finish work (SIGTERM)', 'close pools', 'exit 0']);
      expect(kill).not.toHaveBeenCalled();
    } finally {
      exit.mockRestore();
      kill.mockRestore();
      await app.close().catch(() => undefined);
    }
  });
});
