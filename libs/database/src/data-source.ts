import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { APPLICATION_CONNECTION_OPTIONS, CONNECTION_OPTIONS } from './pool';

export interface DataSourceParts {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  poolSize?: number;
  /** Sessions act as the application role; false for the data source that runs migrations. */
  asApplication?: boolean;
}

/** TypeORM over PostgreSQL with migrations only: the schema is never synchronised from entities. */
export function createDataSource(parts: DataSourceParts): DataSource {
  return new DataSource({
    type: 'postgres',
    url: parts.url,
    entities: parts.entities ?? [],
    migrations: parts.migrations ?? [],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: parts.poolSize ?? 10, options: parts.asApplication === false ? CONNECTION_OPTIONS : APPLICATION_CONNECTION_OPTIONS },
  });
}
