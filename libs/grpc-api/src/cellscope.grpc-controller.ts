import { Controller, UseFilters } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { Metadata } from '@grpc/grpc-js';
import { ID_PATTERN } from '@cellscope/contracts';
import { ApiAccessService, ApiException, ApiPermission, ApiPrincipal, CellQueryService, NetworkViewQueryService, parseTimestamp } from '@cellscope/http-api';
import { GrpcExceptionFilter } from './grpc-exception.filter';
import {
  CellDetailsMessage,
  GetCellRequestMessage,
  GetTicketNetworkViewRequestMessage,
  ListDegradedCellsRequestMessage,
  ListDegradedCellsResponseMessage,
  NetworkViewMessage,
} from './grpc-messages';
import { grpcMessageMapper } from './grpc-message.mapper';
import { GRPC_SERVICE } from './proto-path';

function requireId(value: string | undefined, field: string): string {
  if (!value || !ID_PATTERN.test(value)) {
    throw ApiException.invalid([{ field, message: `${field} must be 1..64 of [A-Za-z0-9._:-]` }]);
  }
  return value;
}

/** An optional timestamp field ('' is proto3's absent string): strict ISO 8601 with an offset, as in REST. */
function optionalTime(value: string | undefined, field: string): Date | undefined {
  return value ? parseTimestamp(value, field) : undefined;
}

/**
 * The gRPC API (proto/cellscope.proto, service cellscope.v1.CellscopeService): the same query services, role matrix
 * and masking as REST; metadata `x-api-key` authenticates. ListIncidents is implemented by the notification library.
 */
@Controller()
@UseFilters(GrpcExceptionFilter)
export class CellscopeGrpcController {
  constructor(
    private readonly access: ApiAccessService,
    private readonly views: NetworkViewQueryService,
    private readonly cells: CellQueryService,
  ) {}

  /** The network-side view of a ticket (masked for the handler role). */
  @GrpcMethod(GRPC_SERVICE, 'GetTicketNetworkView')
  async getTicketNetworkView(request: GetTicketNetworkViewRequestMessage, metadata: Metadata): Promise<NetworkViewMessage> {
    const principal = this.authorize(metadata, ApiPermission.READ_TICKETS);
    const id = requireId(request.ticket_id_or_complaint_no, 'ticket_id_or_complaint_no');
    return grpcMessageMapper.networkView(await this.views.getView(id, principal));
  }

  /** A cell with its latest interval judged. */
  @GrpcMethod(GRPC_SERVICE, 'GetCell')
  async getCell(request: GetCellRequestMessage, metadata: Metadata): Promise<CellDetailsMessage> {
    this.authorize(metadata, ApiPermission.READ_CELLS);
    const cellId = requireId(request.cell_id, 'cell_id');
    const at = optionalTime(request.at, 'at') ?? new Date();
    return grpcMessageMapper.cellDetails(await this.cells.getCell(cellId, at));
  }

  /** Cells with a BAD KPI in their latest interval. */
  @GrpcMethod(GRPC_SERVICE, 'ListDegradedCells')
  async listDegradedCells(request: ListDegradedCellsRequestMessage, metadata: Metadata): Promise<ListDegradedCellsResponseMessage> {
    this.authorize(metadata, ApiPermission.READ_NETWORK);
    const at = optionalTime(request.at, 'at') ?? new Date();
    return grpcMessageMapper.degradedCells(await this.cells.degradedCells(at));
  }

  private authorize(metadata: Metadata, permission: ApiPermission): ApiPrincipal {
    const [key] = metadata.get('x-api-key');
    const principal = this.access.authenticate(typeof key === 'string' ? key : key?.toString('utf8'));
    this.access.authorize(principal, permission);
    return principal;
  }
}
