import { loadHubConfig } from '@hub/infra';
import { createDataSource } from './data-source';

/** For the TypeORM CLI (migration:generate / migration:revert). */
export default createDataSource(loadHubConfig().DATABASE_URL, 2);
