import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../config/app-config';
import { Db, WriteInsideReadError } from './db.service';

/** The unit of work on a real SQLite database in memory (the queue is SQLite's). */
describe('Db, the unit of work', () => {
  let dataSource: DataSource;
  const open = (env: Record<string, string> = {}) =>
    new Db(dataSource, loadAppConfig({ DATABASE_URL: 'sqlite::memory:', ...env }));
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'sqlite', database: ':memory:' }).initialize();
    await dataSource.query('CREATE TABLE note (text varchar NOT NULL)');
  });
  afterAll(() => dataSource.destroy());
  afterEach(() => jest.restoreAllMocks());

  it('refuses a write inside a read at once: the work never runs, nothing is written', async () => {
    const db = open();
    const work = jest.fn(() => dataSource.query("INSERT INTO note VALUES ('inside a read')"));
    await expect(db.read(() => db.transaction(work))).rejects.toThrow(WriteInsideReadError);
    await expect(db.read(() => db.transaction(work))).rejects.toThrow(
      /write transaction was started inside a read-only unit of work/,
    );
    expect(work).not.toHaveBeenCalled();
    expect(await db.read((em) => em.query('SELECT count(*) AS n FROM note'))).toEqual([{ n: 0 }]);
  });

  it('lets a read or a write join an open write, on the same manager, and says which mode it is in', async () => {
    const db = open();
    expect(db.mode).toBeNull();
    await db.transaction(async (outer) => {
      expect(db.mode).toBe('write');
      await db.read(async (inner) => expect(inner).toBe(outer));
      await db.transaction(async (inner) => expect(inner).toBe(outer));
    });
    await db.read(async (outer) => {
      expect(db.mode).toBe('read');
      await db.read(async (inner) => expect(inner).toBe(outer));
    });
  });

  it('remembers a read within one read-only unit of work, and nowhere else', async () => {
    const db = open();
    const read = jest.fn(() => Promise.resolve('facts'));
    await db.read(async () => {
      expect(await db.remember('k', read)).toBe('facts');
      await db.read(() => db.remember('k', read)); // a nested read joins the same unit
      await db.remember('other', read);
    });
    expect(read).toHaveBeenCalledTimes(2);
    await db.read(() => db.remember('k', read)); // a new unit reads again
    await db.transaction(async () => {
      await db.remember('k', read);
      await db.remember('k', read); // a write sees its own changes: never remembered
    });
    await db.remember('k', read); // outside any unit
    expect(read).toHaveBeenCalledTimes(6);
  });

  it('warns, one line, when a unit of work waited in the queue longer than DB_QUEUE_WAIT_WARN_MS', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const db = open({ DB_QUEUE_WAIT_WARN_MS: '20' });
    const first = db.transaction(() => pause(80));
    const second = db.read(() => Promise.resolve('read'));
    await Promise.all([first, second]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(
      /^A read unit of work waited \d+ ms in the SQLite queue \(over DB_QUEUE_WAIT_WARN_MS=20, 0 behind it\)\.$/,
    );
  });

  it('stays silent under the threshold and when nothing waits', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const patient = open({ DB_QUEUE_WAIT_WARN_MS: '10000' });
    await Promise.all([patient.transaction(() => pause(30)), patient.read(() => Promise.resolve())]);
    const strict = open({ DB_QUEUE_WAIT_WARN_MS: '0' });
    await strict.read(() => pause(30));
    await strict.transaction(() => pause(30));
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps the queue going after a unit of work fails', async () => {
    const db = open();
    const failed = db.transaction(() => Promise.reject(new Error('boom')));
    const next = db.read(() => Promise.resolve('after'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
  });
});
