import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { buildDataSourceOptions } from './database-options';
import { Db } from './db.service';
import { restrictSqliteFiles } from './file-permissions';
import { runMigrationsExclusively } from './migrate';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config.database),
        // Migrations, never synchronize: the schema is what the migrations say. They are run
        // by the factory below, one instance at a time on PostgreSQL.
        migrationsRun: false,
        retryAttempts: 3,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        if (options?.type === 'sqlite' && options.database !== ':memory:') restrictSqliteFiles(options.database);
        try {
          await runMigrationsExclusively(dataSource);
        } catch (error) {
          await dataSource.destroy(); // a retry starts afresh; no pool is left open
          throw error;
        }
        return dataSource;
      },
    }),
  ],
  providers: [Db],
  exports: [Db],
})
export class DatabaseModule {}
