// Every e2e app gets its own database (see test/app.ts); nothing touches data/.
process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = 'sqlite::memory:';
