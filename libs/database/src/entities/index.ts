import { AppUser } from './app-user.entity';
import { Community, District, GridCell, Street } from './geography.entity';
import { OutboxEvent } from './outbox-event.entity';

export * from './app-user.entity';
export * from './geography.entity';
export * from './outbox-event.entity';

/**
 * Residents and households are written with hand-made multi-row SQL in @hub/record (one
 * transaction, few round trips); the tables with plain CRUD use TypeORM repositories.
 */
export const ENTITIES = [District, Street, Community, GridCell, AppUser, OutboxEvent];
