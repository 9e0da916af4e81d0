/**
 * The commercial offer's model from a proposal, read through the proposal services as the client
 * is offered it (no internal fee, whoever prints it). Not a legal record: every generation is a
 * new version printed from the offer as it is now.
 */
import type { AuthedContext } from '../../context';
import type { Locale } from '../../entities/enums';
import { ProposalStatus } from '../../entities/enums';
import { agencyToday } from '../../services/agency.service';
import { imagesForDocuments } from '../../services/agency-image.service';
import { getClient } from '../../services/client.service';
import { DEFAULT_TITLE } from '../../services/proposal.rules';
import { getProposal, proposalAsOffered, proposalBlocks } from '../../services/proposal.reads';
import { localDate } from '../../services/time';
import { accountManagerOf } from '../../services/user.service';
import { documentLabels } from '../i18n/labels';
import { formatDate } from '../layout/format';
import type { BuiltModel } from '../models';
import { agencyParty, clientParty } from '../shared/party.data';
import type { CommercialOfferModel, OfferMixShares } from './commercial-offer.model';

function shares(view: { proven: string; uncertain: string; experimental: string }): OfferMixShares {
  return { proven: view.proven, uncertain: view.uncertain, experimental: view.experimental };
}

export async function buildCommercialOffer(ctx: AuthedContext, proposalId: string, locale: Locale): Promise<BuiltModel<CommercialOfferModel> | null> {
  const proposal = await getProposal(ctx, proposalId);
  if (!proposal) return null;
  const client = await getClient(ctx, proposal.clientId);
  if (!client) return null;
  const agency = await agencyParty(ctx);
  // a sent offer is dated the day it went out; a draft the day it is printed
  const date = proposal.status !== ProposalStatus.DRAFT && proposal.sentAt ? localDate(proposal.sentAt, agency.timeZone) : await agencyToday(ctx);
  const [party, offered, manager, images] = await Promise.all([
    clientParty(ctx, client),
    proposalAsOffered(ctx, proposal, date),
    accountManagerOf(ctx, client),
    imagesForDocuments(ctx),
  ]);
  const { plan, toolMix, price, vat } = offered;
  const title = proposal.title.trim();
  const model: CommercialOfferModel = {
    number: proposal.number,
    title: title && title !== DEFAULT_TITLE ? title : null,
    date,
    validUntil: proposal.validUntil,
    version: proposal.revision,
    currency: proposal.currency,
    agency,
    client: party,
    clientTradingName: client.name.trim() !== party.name ? client.name.trim() : null,
    blocks: proposalBlocks(proposal),
    plan: {
      lines: plan.lines.map((l) => ({
        channel: l.channel,
        description: l.description,
        expectedKpi: l.expectedKpi,
        category: l.category,
        periodStart: l.periodStart,
        periodEnd: l.periodEnd,
        budget: l.budget,
        fee: l.fee,
        budgetShare: l.budgetShare,
      })),
      categories: plan.categories.map((c) => ({ category: c.category, budget: c.budget, fee: c.fee, amount: c.amount, budgetShare: c.budgetShare })),
      budgetTotal: plan.totals.budgetTotal,
      feeTotal: plan.totals.feeTotal,
      grandTotal: plan.totals.grandTotal,
    },
    toolMix: toolMix && {
      byBudget: toolMix.byBudget && shares(toolMix.byBudget),
      byToolCount: shares(toolMix.byToolCount),
      tools: { proven: toolMix.provenTools, uncertain: toolMix.uncertainTools, experimental: toolMix.experimentalTools, total: toolMix.totalTools },
    },
    price: { basis: price.basis, regime: vat.regime, vatRate: price.vatRate, grandTotal: plan.totals.grandTotal, net: price.net, vat: price.vat, total: price.total },
    manager: manager && { fullName: manager.fullName.trim() || manager.email, email: manager.email, phone: manager.phone },
    logo: images.logo ?? null,
    stamp: images.stamp ?? null,
    signature: images.signature ?? null,
  };
  const l = documentLabels(locale);
  const shortDate = formatDate(date, locale, 'short');
  return {
    model,
    clientId: client.id,
    number: proposal.number,
    fileName: proposal.number
      ? l('commercialOffer.fileName', { number: proposal.number, date: shortDate })
      : l('commercialOffer.fileNameDraft', { date: shortDate }),
    immutable: false,
    forClient: proposal.status !== ProposalStatus.DRAFT,
  };
}
