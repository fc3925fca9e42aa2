export * from './correlation.service';
export * from './ticket-ingest.handler';
export * from './cell-ingest.handler';
export * from './usage-ingest.handler';
export * from './recorrelation.scheduler';
export * from './usage-retention.job';
export * from './ingest.lifecycle';
export * from './correlation.module';
