import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@cellscope/config';
import { parseTicketEvent } from '@cellscope/contracts';
import { MessagePublisher } from '@cellscope/messaging';
import { RecorrelationScheduleRepository, TicketRepository } from '@cellscope/persistence';
import { ApiErrorCode } from '../errors/api-error-code';
import { ApiException } from '../errors/api.exception';

/** Answer of POST /tickets. */
export interface TicketAccepted {
  ticketId: string;
  accepted: true;
}

/** Answer of POST /tickets/{id}/recorrelate. */
export interface RecorrelationScheduled {
  ticketId: string;
  complaintNo: string;
  scheduled: true;
}

/** Write side of the API: tickets in over HTTP, manual re-correlation. */
@Injectable()
export class TicketCommandService {
  private readonly logger = new Logger(TicketCommandService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly publisher: MessagePublisher,
    private readonly tickets: TicketRepository,
    private readonly schedule: RecorrelationScheduleRepository,
  ) {}

  /**
   * Validates a TicketEvent exactly as the Kafka consumer does and publishes it, unchanged, to the tickets topic
   * keyed by ticketId; the correlator does the rest.
   */
  async submit(raw: unknown): Promise<TicketAccepted> {
    const parsed = parseTicketEvent(raw);
    if (!parsed.ok) throw ApiException.invalid(parsed.errors);
    const ticketId = parsed.value.ticketId;
    try {
      await this.publisher.publish(this.config.TOPIC_TICKETS, [{ key: ticketId, value: JSON.stringify(raw) }]);
    } catch (error) {
      this.logger.error(error instanceof Error ? error : new Error(String(error)));
      throw new ApiException(ApiErrorCode.UNAVAILABLE, 'the ticket could not be queued; retry later');
    }
    return { ticketId, accepted: true };
  }

  /** Schedules a stored ticket for correlation now (reason `manual`); NOT_FOUND when unknown. */
  async recorrelate(ticketIdOrComplaintNo: string, now = new Date()): Promise<RecorrelationScheduled> {
    const ticket = await this.tickets.findByTicketIdOrComplaintNo(ticketIdOrComplaintNo);
    if (!ticket) throw ApiException.notFound(`no ticket ${ticketIdOrComplaintNo}`);
    await this.schedule.schedule(ticket.ticketId, now, 'manual');
    return { ticketId: ticket.ticketId, complaintNo: ticket.complaintNo, scheduled: true };
  }
}
