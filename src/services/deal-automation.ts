import type { AuthedContext } from '../context';
import { DealStage } from '../entities/enums';

/**
 * Money events move the deal: a signed contract → PAYMENT, the first payment → DELIVERY, a signed
 * act → CLOSING. The move happens only where the deal's transition map allows it; otherwise the
 * deal is left as it is (a manager may have moved it already).
 */
export async function advanceDeal(_tx: AuthedContext, _dealId: string | null, _to: DealStage, _note: string): Promise<void> {
  // implemented once the deal service lands (see deal.service TRANSITIONS)
}
