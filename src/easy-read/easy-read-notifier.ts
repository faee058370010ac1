import { Injectable } from '@nestjs/common';

/** What the bidder is told when a summary of their bid is sent to them to check. */
export interface FactCheckRequest {
  tenderId: string;
  bidId: string;
  versionNumber: number;
  respondBy: Date;
}

/**
 * The seam for notifications (issue 17, part 7): called after a summary has been sent for
 * fact-check and committed. The default tells no one; the notifications feature replaces
 * this provider to email the bidder (the link is /bids/:tenderId/easy-read). It must not
 * throw or block: sending happens in the background.
 */
@Injectable()
export class EasyReadNotifier {
  factCheckRequested(_request: FactCheckRequest): void {}
}
