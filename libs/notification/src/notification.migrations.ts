import { CreateNotificationSchema1796402440000 } from './migrations/1796402440000-create-notification-schema';

/** The migrations of libs/notification, oldest first, for `PersistenceModule.forRoot({ extraMigrations })`. */
export const NOTIFICATION_MIGRATIONS = [CreateNotificationSchema1796402440000];
