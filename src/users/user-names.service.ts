import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '../database/db.service';
import { User } from './user.entity';

/** People's names by account id, for pages that show who did something (one query for any number of ids). */
@Injectable()
export class UserNames {
  constructor(private readonly db: Db) {}

  of(ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
    if (unique.length === 0) return Promise.resolve(new Map());
    return this.db.read(async (em) => {
      const users = await em.getRepository(User).find({ where: { id: In(unique) }, select: { id: true, name: true } });
      return new Map(users.map((user) => [user.id, user.name]));
    });
  }
}
