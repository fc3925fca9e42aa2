import { loadSync } from '@grpc/proto-loader';
import { cellscopeProtoPath, GRPC_PACKAGE, GRPC_SERVICE } from './proto-path';
import { PROTO_LOADER_OPTIONS } from './grpc-server-options';

describe('proto/cellscope.proto', () => {
  it('is found from the library folder and defines the four RPCs of the service', () => {
    const definition = loadSync(cellscopeProtoPath(), { ...PROTO_LOADER_OPTIONS });
    const service = definition[`${GRPC_PACKAGE}.${GRPC_SERVICE}`] as Record<string, unknown>;
    expect(Object.keys(service).sort()).toEqual(['GetCell', 'GetTicketNetworkView', 'ListDegradedCells', 'ListIncidents']);
    const incident = definition[`${GRPC_PACKAGE}.Incident`] as { type: { field: { name: string }[] } };
    expect(incident.type.field.map((f) => f.name)).toEqual([
      'incident_id', 'kind', 'state', 'site_id', 'cell_ids', 'cause', 'opened_at', 'resolved_at', 'affected_cells', 'affected_subscribers',
    ]);
  });
});
