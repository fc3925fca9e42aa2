export * from './ticket.repository';
export * from './cell.repository';
export * from './usage.repository';
export * from './network-view.repository';
export * from './recorrelation-schedule.repository';
export * from './repository-contract-factory';
