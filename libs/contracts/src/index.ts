export * from './contract-patterns';
export * from './contract-validator';
export * from './ticket-event.dto';
export * from './cell-record.dto';
export * from './usage-record.dto';
export * from './dead-letter-record';
