import { loadConfig } from '@cellscope/config';
import { createApiApp } from './create-api-app';

/** Starts the API process: HTTP (REST, panel, health, metrics) on API_HOST:API_PORT and gRPC on GRPC_PORT. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.startAllMicroservices();
  await app.listen(config.API_PORT, config.API_HOST);
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
