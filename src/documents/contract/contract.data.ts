import { imagesForDocuments } from '../../services/agency-image.service';
/**
 * The contract's view model, read through the services with the caller's context: the contract
 * (null when missing, another agency's, or a draft or another client's for a portal user), its
 * schedule, both parties, the VAT treatment on the contract's date and the clause template in
 * force for the language. A contract changes while it is negotiated, so every generation is a
 * new version (not immutable).
 */
import type { AuthedContext } from '../../context';
import { ContractStatus, type Locale } from '../../entities/enums';
import { getContract } from '../../services/contract.reads';
import { currentContractTemplate } from '../../services/contract-template.service';
import { lineAmounts } from '../../services/money/totals';
import { EXEMPTION_NOTES } from '../../services/money/vat';
import { documentSettings, vatTreatmentOn } from '../../services/requisites.service';
import type { BuiltModel } from '../models';
import { agencyParty, clientParty } from '../shared/party.data';
import { cityOfAddress } from '../shared/city';
import type { ContractModel, ContractVatModel } from './contract.model';
import { contractDocName } from './contract.text';

export async function buildContractModel(ctx: AuthedContext, contractId: string, locale: Locale): Promise<BuiltModel<ContractModel> | null> {
  const contract = await getContract(ctx, contractId);
  if (!contract) return null;
  const client = await ctx.loaders.clientById.load(contract.clientId);
  if (!client) return null;
  const settings = await documentSettings(ctx);
  const [agency, clientSide, items, template, treatment, images] = await Promise.all([
    agencyParty(ctx),
    clientParty(ctx, client),
    ctx.loaders.contractPaymentItems.load(contract.id),
    currentContractTemplate(ctx, locale),
    vatTreatmentOn(ctx, contract.contractDate, settings),
    imagesForDocuments(ctx),
  ]);
  // a draft is a working copy: the agency's signature and stamp go on what it sends for signing
  const signable = contract.status !== ContractStatus.DRAFT;

  const split = lineAmounts({ quantity: '1', unitPrice: contract.amount, vatRate: treatment.chargesVat ? treatment.rate : null }, contract.priceBasis);
  const vat: ContractVatModel = {
    regime: treatment.regime,
    rate: treatment.chargesVat ? treatment.rate : null,
    // the legal wording of a regime is printed in the document's language; the agency's own as written
    customNote: treatment.exemptionNote && treatment.exemptionNote !== EXEMPTION_NOTES[treatment.regime] ? treatment.exemptionNote : null,
    ...split,
  };

  const model: ContractModel = {
    number: contract.number,
    contractDate: contract.contractDate,
    city: cityOfAddress(agency.address),
    subject: contract.subject,
    amount: contract.amount,
    currency: contract.currency,
    priceBasis: contract.priceBasis,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
    actSignDays: settings.requisites.actSignDays,
    vat,
    agency,
    client: clientSide,
    schedule: items.map((i) => ({
      label: i.label,
      trigger: i.trigger,
      percent: i.percent,
      amount: i.amount,
      dueOn: i.dueOn,
      isPrepayment: i.isPrepayment,
    })),
    template: { preamble: template.preamble, sections: template.sections },
    logo: images.logo ?? null,
    stamp: signable ? (images.stamp ?? null) : null,
    signature: signable ? (images.signature ?? null) : null,
  };
  return { model, clientId: contract.clientId, number: contract.number, fileName: contractDocName(contract, locale), immutable: false, forClient: contract.status !== ContractStatus.DRAFT };
}
