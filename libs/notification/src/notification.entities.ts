import { IncidentEntity } from './entities/incident.entity';
import { SmsNotificationEntity } from './entities/sms-notification.entity';
import { SmsOptOutEntity } from './entities/sms-opt-out.entity';

/** The TypeORM entities of libs/notification, for `PersistenceModule.forRoot({ extraEntities })`. */
export const NOTIFICATION_ENTITIES = [IncidentEntity, SmsNotificationEntity, SmsOptOutEntity];
