import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.service';
import { NeedsDirectory } from '../needs/needs-directory';

/**
 * Whether a panel member may be emailed: not when their communication needs (src/needs/)
 * leave email out of the ways to reach them. The message is then kept as "suppressed", so
 * the team sees it must reach them another way. Members with no needs recorded (or deleted)
 * may be emailed. Called inside the enqueuing unit of work (the read joins it).
 */
@Injectable()
export class ContactPreferences {
  constructor(
    private readonly db: Db,
    private readonly needs: NeedsDirectory,
  ) {}

  mayEmail(tenderId: string, memberId: string): Promise<boolean> {
    return this.db.read((em) => this.needs.mayEmail(em, tenderId, memberId));
  }
}
