import { Global, INestApplicationContext, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@cellscope/config';
import { CorrelationModule, CorrelationService } from '@cellscope/correlation';
import { CellKpiInterval, CellKpiSums, TimeWindow } from '@cellscope/domain';
import { KpiModule, KpiRepository, KpiSelection, MemoryKpiStore } from '@cellscope/kpi';
import { MessagePublisher, OutboundMessage } from '@cellscope/messaging';
import { CellRepository, NetworkViewRepository, PersistenceModule } from '@cellscope/persistence';
import { createTestDatabase, TestDatabase } from '@cellscope/testing/postgres-test-database';
import { cellFactory, intervalsFor } from '../../factories/network.factory';

/** A publisher that fails while `failing` is set (as Kafka does while the broker is down) and records what it sent. */
class FlakyPublisher extends MessagePublisher {
  failing = false;
  readonly sent: { topic: string; keys: (string | null)[] }[] = [];

  async publish(topic: string, messages: readonly OutboundMessage[]): Promise<void> {
    if (this.failing) throw Object.assign(new Error('Connection error: connect ECONNREFUSED'), { name: 'KafkaJSConnectionError' });
    if (messages.length > 0) this.sent.push({ topic, keys: messages.map((m) => m.key) });
  }
}

/**
 * The in-memory KPI store, except that the next KPI sum query lets a PM file land right after it has read: the
 * moment a late PM file arrives while a batch is being correlated. Like a real store, "data through" answers after a
 * round trip, not at once.
 */
class KpiStoreWithLandingPmFile extends KpiRepository {
  private landing?: readonly CellKpiInterval[];

  constructor(private readonly store: MemoryKpiStore) {
    super();
  }

  /** The next sumWindow reads the store, then these intervals are written, then the answer is returned. */
  landAfterNextSum(intervals: readonly CellKpiInterval[]): void {
    this.landing = intervals;
  }

  async sumWindow(cellIds: readonly string[], window: TimeWindow): Promise<Map<string, CellKpiSums>> {
    const sums = await this.store.sumWindow(cellIds, window);
    const landing = this.landing;
    this.landing = undefined;
    if (landing) await this.store.write(landing);
    return sums;
  }

  series(cellId: string, window: TimeWindow): Promise<CellKpiInterval[]> {
    return this.store.series(cellId, window);
  }

  latestIntervals(at: Date, lookbackMs: number, select?: KpiSelection): Promise<CellKpiInterval[]> {
    return this.store.latestIntervals(at, lookbackMs, select);
  }

  async dataThrough(cellIds?: readonly string[], since?: Date): Promise<Date | null> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return this.store.dataThrough(cellIds, since);
  }
}

const publisher = new FlakyPublisher();

@Global()
@Module({ providers: [{ provide: MessagePublisher, useValue: publisher }], exports: [MessagePublisher] })
class FlakyMessagingModule {}

const MINUTE = 60_000;

/**
 * Failure modes of CorrelationService found by the process fault tests (test/faults/process), pinned down here
 * deterministically against the real PostgreSQL: a failed publish, and a PM file that lands mid-correlation.
 */
describe('CorrelationService failure modes (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let kpis: KpiStoreWithLandingPmFile;
  const config = () => loadConfig({ DATABASE_URL: db.url, CELLSCOPE_KPI_STORE: 'memory', LOG_LEVEL: 'silent', TOPIC_NETWORK_CONTEXT: 'context-under-test' });

  beforeAll(async () => {
    db = await createTestDatabase('correlation_failures');
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config()),
        PersistenceModule.forRoot({ poolSize: 2 }),
        KpiModule.forRoot(),
        FlakyMessagingModule,
        CorrelationModule.forRoot({ consume: false, background: false }),
      ],
    })
      .overrideProvider(KpiRepository)
      .useFactory({ factory: (store: MemoryKpiStore) => new KpiStoreWithLandingPmFile(store), inject: [MemoryKpiStore] })
      .compile();
    app = await moduleRef.init();
    kpis = app.get(KpiRepository);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  beforeEach(() => {
    publisher.failing = false;
    publisher.sent.length = 0;
  });

  it('stores the view only together with its publication, so the retry after a failed publish publishes it', async () => {
    // Before the fix the view was saved, the publish failed, and the retry found the stored view unchanged and published
    // nothing: the view never reached complaints.network-context.v1.
    const request = {
      ticket: {
        ticketId: 'WO-PUBLISH-1',
        version: 1,
        status: 'OPEN' as const,
        msisdn: '13800000001',
        reportedAt: new Date('2026-03-04T10:00:00Z'),
        occurredAt: new Date('2026-03-04T09:30:00Z'),
        symptom: 'SLOW_DATA' as const,
      },
      complaintNo: 'CS-PUBLISH-1',
    };
    const correlation = app.get(CorrelationService);
    const views = app.get(NetworkViewRepository);

    publisher.failing = true;
    await expect(correlation.correlate([request])).rejects.toThrow('ECONNREFUSED');
    expect(await views.findByTicketIdOrComplaintNo(request.ticket.ticketId)).toBeNull();

    publisher.failing = false;
    const [retried] = await correlation.correlate([request]);
    expect(retried).toMatchObject({ applied: true, changed: true });
    expect(publisher.sent).toEqual([{ topic: 'context-under-test', keys: [request.ticket.ticketId] }]);
    expect((await views.findByTicketIdOrComplaintNo(request.ticket.ticketId))?.version).toBe(1);

    // Redelivered once more: the view is stored and published already, nothing new goes out.
    await correlation.correlate([request]);
    expect(publisher.sent).toHaveLength(1);
  });

  it('never makes a view FINAL on KPI sums read before the PM file that completed its window', async () => {
    // Before the fix the sums and "data through" were read at the same time: a PM file landing in between made the view
    // FINAL with sums that lack the file, and a FINAL view is never correlated again.
    const occurredAt = new Date('2026-03-04T09:30:00Z');
    const cell = cellFactory({ networkType: '4G' });
    await app.get(CellRepository).upsertMany([cell]);
    const windowFrom = new Date(occurredAt.getTime() - 60 * MINUTE);
    const windowTo = new Date(occurredAt.getTime() + 60 * MINUTE);
    const onTime = new Date(windowTo.getTime() - 30 * MINUTE);
    await app.get(MemoryKpiStore).write(intervalsFor(cell, windowFrom, onTime, 'NONE'));
    // The late file shows the cell down: a view that includes it has another verdict than one that does not.
    kpis.landAfterNextSum(intervalsFor(cell, onTime, windowTo, 'OUTAGE'));

    const ticket = {
      ticketId: 'WO-LATE-PM-1',
      version: 1,
      status: 'OPEN' as const,
      msisdn: '13800000002',
      reportedAt: new Date(occurredAt.getTime() + 10 * MINUTE),
      occurredAt,
      symptom: 'NO_SIGNAL' as const,
      cellIds: [cell.cellId],
    };
    const [first] = await app.get(CorrelationService).correlate([{ ticket, complaintNo: 'CS-LATE-PM-1' }]);
    // The sums lack the late file, so the view must wait for it (PROVISIONAL, on the re-correlation schedule).
    expect({ status: first.view.status, cause: first.view.verdict.cause }).toEqual({ status: 'PROVISIONAL', cause: 'NO_NETWORK_ISSUE' });

    const [again] = await app.get(CorrelationService).correlate([{ ticket, complaintNo: 'CS-LATE-PM-1' }]);
    expect({ status: again.view.status, cause: again.view.verdict.cause }).toEqual({ status: 'FINAL', cause: 'OUTAGE' });
  });
});
