import { Injectable } from '@nestjs/common';
import { Hooks } from '../common/hooks';

/** Run inside the unit of work that published a clarification to every bidder (notifications email them). */
@Injectable()
export class ClarificationHooks extends Hooks<{ id: string; tenderId: string; number: number }> {}
