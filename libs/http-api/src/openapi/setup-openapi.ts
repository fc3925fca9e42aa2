import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SCHEME } from '../controllers/api-endpoint.decorator';

/** Serves the OpenAPI document: Swagger UI at `/api/docs`, JSON at `/api/docs-json`. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('cellscope API')
    .setDescription(
      'Complaint tickets joined to the cells the subscriber used and how those cells performed, with an automatic verdict. ' +
        'Every /api/v1 call needs an X-API-Key; roles handler, noc and admin (see docs/api.md). Errors: { statusCode, error, message, details? }.',
    )
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, API_KEY_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', swaggerOptions: { persistAuthorization: true } });
}
