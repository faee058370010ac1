import { Injectable } from '@nestjs/common';
import { Hooks } from '../common/hooks';
import type { Tender } from '../tenders/tender.entity';

/** Run inside the unit of work that submitted a member's scores on a bid (notifications: "all scores are in"). */
@Injectable()
export class ScoringHooks extends Hooks<{ tender: Tender }> {}
