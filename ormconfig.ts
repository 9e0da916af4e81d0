import 'reflect-metadata';
import { createDataSource } from './src/db/data-source';

/**
 * The DataSource used by the `typeorm` CLI (migration:generate/revert). The app and the tests
 * build theirs with the same options through createDataSource().
 */
export default createDataSource({
  url: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
  poolSize: 2,
  applicationName: 'agency-cli',
});
