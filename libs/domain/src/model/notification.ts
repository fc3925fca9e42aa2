export const NOTIFICATION_KINDS = ['OUTAGE_NOTICE', 'RECOVERY_NOTICE', 'TICKET_UPDATE'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type Language = 'zh-CN' | 'en';

/** An SMS trigger for the operator's SMS platform (contracts.md "SmsNotification"). */
export interface SmsNotification {
  notificationId: string;
  msisdn: string;
  kind: NotificationKind;
  language: Language;
  text: string;
  incidentId?: string;
  ticketId?: string;
  cellIds: string[];
  createdAt: string;
  notBefore: string;
}
