import { Injectable } from '@nestjs/common';

/**
 * Whether a panel member may be emailed. The seam for the needs record (src/needs/): a
 * member whose needs say "no email" is not emailed, and the message is kept as
 * "suppressed" so the team sees it must reach them another way. Until that record is
 * wired in, everyone may be emailed. Called inside the enqueuing unit of work.
 */
@Injectable()
export class ContactPreferences {
  mayEmail(tenderId: string, memberId: string): Promise<boolean> {
    void tenderId;
    void memberId;
    return Promise.resolve(true);
  }
}
