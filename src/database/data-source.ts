import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../config/app-config';
import { buildDataSourceOptions } from './database-options';

/** Data source for the TypeORM CLI (migration:generate / migration:run). */
export default new DataSource(buildDataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL)));
