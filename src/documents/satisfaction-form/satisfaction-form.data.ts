/**
 * The satisfaction form for a client: the client's name, the agency, the client's account manager
 * and today's date pre-filled. Not a record: printed anew each time.
 */
import type { AuthedContext } from '../../context';
import type { Locale } from '../../entities/enums';
import { agencyToday } from '../../services/agency.service';
import { imagesForDocuments } from '../../services/agency-image.service';
import { getClient } from '../../services/client.service';
import { accountManagerOf } from '../../services/user.service';
import { documentLabels } from '../i18n/labels';
import type { BuiltModel } from '../models';
import { agencyParty } from '../shared/party.data';
import type { SatisfactionFormModel } from './satisfaction-form.model';

export async function buildSatisfactionForm(ctx: AuthedContext, clientId: string, locale: Locale): Promise<BuiltModel<SatisfactionFormModel> | null> {
  const client = await getClient(ctx, clientId);
  if (!client) return null;
  const [agency, manager, date, images] = await Promise.all([agencyParty(ctx), accountManagerOf(ctx, client), agencyToday(ctx), imagesForDocuments(ctx)]);
  const name = client.name.trim();
  const legal = client.legalName?.trim() || null;
  const model: SatisfactionFormModel = {
    clientName: name,
    clientLegalName: legal && legal !== name ? legal : null,
    agency,
    managerName: manager ? manager.fullName.trim() || manager.email : null,
    date,
    logo: images.logo ?? null,
  };
  return {
    model,
    clientId: client.id,
    number: null,
    fileName: documentLabels(locale)('satisfactionForm.fileName', { client: name }),
    immutable: false,
  };
}
