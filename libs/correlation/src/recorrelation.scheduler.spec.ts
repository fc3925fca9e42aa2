import { Clock, loadConfig } from '@cellscope/config';
import { RecorrelationScheduleRepository, StoredTicket, TicketRepository } from '@cellscope/persistence';
import { CorrelationService } from './correlation.service';
import { RecorrelationScheduler } from './recorrelation.scheduler';

const NOW = new Date('2026-03-04T12:00:00.000Z');

class FixedClock extends Clock {
  now(): Date {
    return NOW;
  }
}

function storedTicket(ticketId: string): StoredTicket {
  return {
    ticketId,
    complaintNo: `CS-${ticketId}`,
    version: 1,
    status: 'OPEN',
    msisdn: '13800000001',
    reportedAt: NOW,
    occurredAt: NOW,
    receivedAt: NOW,
  };
}

/** A scheduler over fakes: the schedule hands out `due` once; correlate() does what `correlate` says. */
function schedulerWith(due: string[], correlate: jest.Mock) {
  const claims = [due, []];
  const schedule = {
    claimDue: jest.fn(async () => claims.shift() ?? []),
    release: jest.fn(async () => undefined),
    complete: jest.fn(async () => undefined),
  };
  const tickets = { findManyByIds: jest.fn(async (ids: readonly string[]) => ids.map(storedTicket)) };
  const scheduler = new RecorrelationScheduler(
    loadConfig({}),
    new FixedClock(),
    schedule as unknown as RecorrelationScheduleRepository,
    tickets as unknown as TicketRepository,
    { correlate } as unknown as CorrelationService,
  );
  return { scheduler, schedule };
}

describe('RecorrelationScheduler.runOnce', () => {
  it('correlates the claimed tickets again and keeps their claims (the correlation reschedules or completes them)', async () => {
    const correlate = jest.fn(async () => []);
    const { scheduler, schedule } = schedulerWith(['T-1', 'T-2'], correlate);
    await expect(scheduler.runOnce()).resolves.toBe(2);
    expect(correlate).toHaveBeenCalledWith([
      { ticket: storedTicket('T-1'), complaintNo: 'CS-T-1' },
      { ticket: storedTicket('T-2'), complaintNo: 'CS-T-2' },
    ]);
    expect(schedule.release).not.toHaveBeenCalled();
  });

  it('gives the claims back, due now, when the re-correlation fails (e.g. InfluxDB down), instead of leaving them leased', async () => {
    const outage = Object.assign(new Error('InfluxDB POST /query failed: connection refused'), { name: 'InfluxUnavailableError' });
    const { scheduler, schedule } = schedulerWith(['T-1', 'T-2'], jest.fn().mockRejectedValue(outage));
    await expect(scheduler.runOnce()).rejects.toBe(outage);
    expect(schedule.release).toHaveBeenCalledWith(['T-1', 'T-2'], NOW);
  });
});
