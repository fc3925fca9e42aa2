export * from './simulation-clock';
export * from './latest-per-key';
export * from './ingest-watermark';
export * from './simulation-driver.service';
export * from './embedded-simulation.module';
export * from './embedded-demo-database';
