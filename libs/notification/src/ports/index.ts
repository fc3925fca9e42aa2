export * from './incident.repository';
export * from './leader-lock';
export * from './notification-outbox';
export * from './opt-out.repository';
