import { loadSync } from '@grpc/proto-loader';
import { Incident } from '@cellscope/domain';
import { cellscopeProtoPath } from '@cellscope/grpc-api';
import { IncidentRepository } from '@cellscope/notification';
import { apiScenario, ApiScenario } from '../../api/support/api-scenario';
import { ApiTestApp } from '../../api/support/api-test-app';

/** An OpenAPI parameter as the served document describes it. */
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: { type?: string; enum?: string[]; minimum?: number; maximum?: number; pattern?: string; format?: string; default?: unknown };
}

/** One operation of the served OpenAPI document. */
export interface ApiOperation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template as documented, e.g. `/api/v1/cells/{cellId}`. */
  path: string;
  /** `METHOD /path` for messages and tables. */
  name: string;
  pathParams: OpenApiParameter[];
  queryParams: OpenApiParameter[];
  /** Name of the request body schema (`TicketEventDto`), when the operation takes a body. */
  bodySchema?: string;
  /** Whether the document names an API-key security requirement for it. */
  secured: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[]; requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> }; security?: unknown[] }>>;
}

/** Every operation of the OpenAPI document the running app serves at /api/docs-json (the source of truth). */
export async function fetchApiOperations(baseUrl: string): Promise<ApiOperation[]> {
  const response = await fetch(`${baseUrl}/api/docs-json`);
  if (response.status !== 200) throw new Error(`GET /api/docs-json answered ${response.status}`);
  const document = (await response.json()) as OpenApiDocument;
  const operations: ApiOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const upper = method.toUpperCase() as ApiOperation['method'];
      const parameters = operation.parameters ?? [];
      const ref = Object.values(operation.requestBody?.content ?? {})[0]?.schema?.$ref;
      operations.push({
        method: upper,
        path,
        name: `${upper} ${path}`,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        bodySchema: ref?.split('/').pop(),
        secured: (operation.security ?? []).length > 0,
      });
    }
  }
  return operations;
}

/** The RPC names of every service in proto/cellscope.proto (the source of truth for the gRPC surface). */
export function protoMethods(): { service: string; method: string }[] {
  const definition = loadSync(cellscopeProtoPath(), { keepCase: true });
  return Object.entries(definition).flatMap(([name, value]) => {
    if (!value || typeof value !== 'object' || 'format' in value) return [];
    return Object.keys(value as object).map((method) => ({ service: name, method }));
  });
}

/** What a valid call needs: stored data the path parameters and request samples point at. */
export interface ApiSamples {
  scenario: ApiScenario;
  incidentId: string;
  /** A valid value for each path parameter name of the document. */
  pathParams: Record<string, string>;
  /** A valid body for each request body schema of the document (a fresh one per call). */
  bodies: Record<string, () => Record<string, unknown>>;
  /** A valid request for each RPC of the proto. */
  grpcRequests: Record<string, Record<string, unknown>>;
}

let ticketSequence = 0;

/** Stores a complaint scenario (its KPIs too unless `kpis: false`) and an incident, and returns valid values for every parameter and body. */
export async function seedApiSamples(api: ApiTestApp, suffix: string, options: { kpis?: boolean } = {}): Promise<ApiSamples> {
  const scenario = apiScenario({ suffix, serving: 'CONGESTED' });
  if (options.kpis ?? true) await api.seed(scenario);
  else await api.seed({ ...scenario, intervals: [] });
  const incident: Incident = {
    incidentId: `INC-${suffix}`,
    kind: 'CELL_OUTAGE',
    state: 'OPEN',
    cellIds: [scenario.servingCellId],
    cause: 'OUTAGE',
    openedAt: new Date(scenario.ticket.occurredAt.getTime() - 30 * 60_000),
    healthyIntervals: 0,
  };
  await api.app.get(IncidentRepository).save([{ incident, affectedSubscribers: 12 }]);
  return {
    scenario,
    incidentId: incident.incidentId,
    pathParams: {
      ticketIdOrComplaintNo: scenario.ticket.ticketId,
      cellId: scenario.servingCellId,
      incidentId: incident.incidentId,
      msisdn: '13912340000',
    },
    bodies: {
      TicketEventDto: () => ({
        ticketId: `WO-${suffix}-S${++ticketSequence}`,
        version: 1,
        status: 'OPEN',
        msisdn: scenario.ticket.msisdn,
        reportedAt: '2026-03-02T16:25:00+08:00',
        occurredAt: '2026-03-02T16:00:00+08:00',
        symptom: 'SLOW_DATA',
        description: '网速慢',
      }),
    },
    grpcRequests: {
      GetTicketNetworkView: { ticket_id_or_complaint_no: scenario.ticket.ticketId },
      GetCell: { cell_id: scenario.servingCellId, at: new Date(scenario.ticket.occurredAt.getTime() + 40 * 60_000).toISOString() },
      ListDegradedCells: { at: new Date(scenario.ticket.occurredAt.getTime() + 40 * 60_000).toISOString() },
      ListIncidents: { limit: 10 },
    },
  };
}

/** The path of an operation with every parameter replaced by `values` (URL-encoded); fails naming a parameter without a value. */
export function concretePath(operation: ApiOperation, values: Record<string, string>): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no sample for path parameter {${name}} of ${operation.name}: add one to seedApiSamples`);
    return encodeURIComponent(value);
  });
}
