import { CreatePersistenceSchema1796402438002 } from './migrations/1796402438002-create-persistence-schema';

/** The migrations of libs/persistence, oldest first. New ones go at the end with a newer timestamp. */
export const PERSISTENCE_MIGRATIONS = [CreatePersistenceSchema1796402438002];
