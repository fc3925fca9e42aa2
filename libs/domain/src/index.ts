export * from './model';

export * from './time/zoned-time';
export * from './identity/hash-uuid';

export * from './kpi/kpi-windows';
export * from './kpi/thresholds';
export * from './kpi/threshold-overrides';
export * from './kpi/kpi-judgement';
export * from './kpi/kpi-arithmetic';
export * from './kpi/kpi-values';
export * from './kpi/interval-sums';

export * from './selection/geo-distance';
export * from './selection/cell-selection';

export * from './symptom/symptom-classifier';

export * from './verdict/verdict-text';
export * from './verdict/verdict';

export * from './subscriber/msisdn-mask';
export * from './ticket/complaint-number';

export * from './view/view-status';
export * from './view/network-view-assembly';

export * from './notification/notification-id';
export * from './notification/quiet-hours';
export * from './notification/sms-text';
export * from './notification/notification-policy';

export * from './incident/cell-down';
export * from './incident/outage-detection';
export * from './incident/complaint-cluster';
