import { ApiProperty } from '@nestjs/swagger';
import { ID_PATTERN } from '@cellscope/contracts';
import { Matches } from 'class-validator';

/** Path parameter `{ticketIdOrComplaintNo}`. */
export class TicketIdParam {
  @ApiProperty({ description: 'Work-order number (ticketId) or complaint number (complaintNo)', pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN, { message: 'ticketIdOrComplaintNo must be 1..64 of [A-Za-z0-9._:-]' })
  ticketIdOrComplaintNo: string;
}

/** Path parameter `{cellId}`. */
export class CellIdParam {
  @ApiProperty({ pattern: ID_PATTERN.source })
  @Matches(ID_PATTERN, { message: 'cellId must be 1..64 of [A-Za-z0-9._:-]' })
  cellId: string;
}
