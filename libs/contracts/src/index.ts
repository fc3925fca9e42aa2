export * from './contract-patterns';
export * from './contract-validator';
export * from './contract-timestamp';
export * from './raw-json-shape';
export * from './ticket-event.dto';
export * from './cell-record.dto';
export * from './usage-record.dto';
export * from './dead-letter-record';
