import { Client, credentials, Metadata, ServiceError, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { cellscopeProtoPath } from '@cellscope/grpc-api';

/** The answer of one unary call: status, details and the decoded response (absent fields left out). */
export interface GrpcAnswer {
  code: status;
  details: string;
  response?: Record<string, unknown>;
}

type MethodDefinition = { path: string; requestSerialize(value: object): Buffer; responseDeserialize(bytes: Buffer): Record<string, unknown> };

/** A generic grpc-js client for every RPC of cellscope.v1.CellscopeService, by method name. */
export class CellscopeGrpcTestClient {
  private readonly client: Client;
  private readonly methods: Record<string, MethodDefinition>;

  constructor(address: string) {
    const definition = loadSync(cellscopeProtoPath(), { keepCase: true, longs: String, enums: String, defaults: false, oneofs: false });
    this.methods = definition['cellscope.v1.CellscopeService'] as unknown as Record<string, MethodDefinition>;
    this.client = new Client(address, credentials.createInsecure());
  }

  get methodNames(): string[] {
    return Object.keys(this.methods);
  }

  call(method: string, request: object, key?: string): Promise<GrpcAnswer> {
    const rpc = this.methods[method];
    if (!rpc) throw new Error(`no RPC ${method} in the proto`);
    const metadata = new Metadata();
    if (key !== undefined) metadata.set('x-api-key', key);
    return new Promise((resolve) => {
      this.client.makeUnaryRequest(
        rpc.path,
        (value: object) => rpc.requestSerialize(value),
        (bytes: Buffer) => rpc.responseDeserialize(bytes),
        request,
        metadata,
        { deadline: Date.now() + 30_000 },
        (error: ServiceError | null, response?: Record<string, unknown>) =>
          resolve(error ? { code: error.code, details: error.details } : { code: status.OK, details: '', response }),
      );
    });
  }

  close(): void {
    this.client.close();
  }
}
