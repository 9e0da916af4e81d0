/**
 * The act as the renderer sees it, read through the services (tenancy and the portal's scope
 * apply: another agency's act, or a draft for a portal user, reads as null). The VAT invoice
 * (vat-invoice.data.ts) is made from the same source.
 */
import Decimal from 'decimal.js';
import type { AuthedContext } from '../../context';
import type { Act, ActLine, Contract } from '../../entities';
import { ActStatus, PriceBasis, type Locale } from '../../entities/enums';
import { actLines, getAct } from '../../services/act.reads';
import { imagesForDocuments } from '../../services/agency-image.service';
import { getClient } from '../../services/client.service';
import { getContract } from '../../services/contract.reads';
import { getInvoice } from '../../services/invoice.reads';
import { round2 } from '../../services/money/totals';
import { BGN_PER_EUR, bgnEquivalentRequired } from '../../services/money/vat';
import { vatTreatmentOn } from '../../services/requisites.service';
import { documentLabels } from '../i18n/labels';
import { formatDate } from '../layout/format';
import type { BuiltModel } from '../models';
import { agencyParty, clientParty, type AgencyPartyModel, type PartyModel } from '../shared/party.data';
import type { ActLineModel, ActModel, CurrencyName, DocumentRef, PriceBasisName } from './act.model';

/** An image file as the model carries it: plain bytes (they cross to a render thread by structured clone). */
export function imageBytes(file: Buffer | undefined): Uint8Array | null {
  return file ? new Uint8Array(file.buffer, file.byteOffset, file.byteLength) : null;
}

/** The act with what both of its documents need. */
export interface ActSource {
  act: Act;
  lines: ActLine[];
  contract: Contract | null;
  supplier: AgencyPartyModel;
  customer: PartyModel;
  /** the date the document carries: the act date, or the end of the period a draft is priced for */
  date: string;
  priceBasis: PriceBasisName;
  /** the legal wording when the agency charges no VAT on that date, else null */
  vatExemptionNote: string | null;
  /** whether the agency's regime charges VAT on that date */
  chargesVat: boolean;
  /** the agency's images; a draft is not signed, so it carries no stamp or signature */
  images: { logo: Uint8Array | null; stamp: Uint8Array | null; signature: Uint8Array | null };
}

/** null when the act is not visible to the actor. */
export async function readActSource(ctx: AuthedContext, actId: string): Promise<ActSource | null> {
  const act = await getAct(ctx, actId);
  if (!act) return null;
  const client = await getClient(ctx, act.clientId);
  if (!client) return null;
  const [lines, contract, supplier, customer, files] = await Promise.all([
    actLines(ctx, act),
    act.contractId ? getContract(ctx, act.contractId) : Promise.resolve(null),
    agencyParty(ctx),
    clientParty(ctx, client),
    imagesForDocuments(ctx),
  ]);
  const draft = act.status === ActStatus.DRAFT;
  const date = act.actDate ?? act.periodEnd;
  const treatment = await vatTreatmentOn(ctx, date);
  return {
    act,
    lines,
    contract,
    supplier,
    customer,
    date,
    // an act follows its contract's basis; without one its prices are net (as act.service prices them)
    priceBasis: contract?.priceBasis ?? PriceBasis.VAT_ON_TOP,
    vatExemptionNote: treatment.chargesVat ? null : treatment.exemptionNote,
    chargesVat: treatment.chargesVat,
    images: {
      logo: imageBytes(files.logo),
      stamp: draft ? null : imageBytes(files.stamp),
      signature: draft ? null : imageBytes(files.signature),
    },
  };
}

/** VAT per rate, highest rate first; lines without VAT are left out. */
export function vatByRate(lines: ReadonlyArray<{ vatRate: string | null; vat: string }>): Array<{ rate: string; amount: string }> {
  const sums = new Map<string, Decimal>();
  for (const l of lines) {
    if (l.vatRate === null) continue;
    const rate = new Decimal(l.vatRate).toFixed(2);
    sums.set(rate, (sums.get(rate) ?? new Decimal(0)).plus(l.vat));
  }
  return [...sums.entries()]
    .sort(([a], [b]) => new Decimal(b).comparedTo(a))
    .map(([rate, amount]) => ({ rate, amount: amount.toFixed(2) }));
}

/**
 * Where a document is drawn up, as the Bulgarian protocol names it ("Днес, … в гр. София"): the
 * settlement of the agency's address when it is written there ("гр. София", "с. Баня", or a
 * Russian "г. Москва"), else null and the protocol leaves a blank to fill in by hand.
 */
export function placeOf(address: string | null): string | null {
  if (!address) return null;
  const m = /(?:^|[\s,])(гр\.|г\.|с\.|град|село)\s*([A-Za-zА-Яа-яЁёЀ-ӿ][^,\d]*?)\s*(?=,|\d|$)/u.exec(address);
  if (!m) return null;
  const kind = m[1] === 'град' ? 'гр.' : m[1] === 'село' ? 'с.' : m[1];
  return `${kind} ${m[2].trim()}`;
}

function lineModel(l: ActLine): ActLineModel {
  return {
    position: l.position,
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: l.unitPrice,
    vatRate: l.vatRate,
    net: l.net,
    vat: l.vat,
    gross: l.gross,
  };
}

/** The invoices the act closes, as references (the basis of an act without a contract). */
async function invoiceRefs(ctx: AuthedContext, ids: readonly string[]): Promise<DocumentRef[]> {
  const invoices = await Promise.all(ids.map((id) => getInvoice(ctx, id)));
  return invoices
    .filter((inv): inv is NonNullable<typeof inv> => inv !== null && inv.issueDate !== null)
    .map((inv) => ({ number: inv.number, date: inv.issueDate! }));
}

/** The plain model of the act. */
export async function actModelOf(ctx: AuthedContext, src: ActSource): Promise<ActModel> {
  const { act, contract, supplier } = src;
  const lines = src.lines.map(lineModel);
  const currency = act.currency as CurrencyName;
  return {
    number: act.number,
    date: src.date,
    status: act.status,
    draft: act.status === ActStatus.DRAFT,
    periodStart: act.periodStart,
    periodEnd: act.periodEnd,
    currency,
    priceBasis: src.priceBasis,
    supplier,
    customer: src.customer,
    contract: contract ? { number: contract.number, date: contract.contractDate } : null,
    invoices: await invoiceRefs(ctx, act.invoiceIds),
    lines,
    subtotal: act.subtotal,
    vatTotal: act.vatTotal,
    total: act.total,
    vatDifference: act.vatDifference,
    vatByRate: vatByRate(lines),
    vatExemptionNote: src.vatExemptionNote,
    bgnTotal: supplier.country && bgnEquivalentRequired(supplier.country, currency, src.date) ? round2(new Decimal(act.total).times(BGN_PER_EUR)) : null,
    place: placeOf(supplier.address),
    signed: act.status === ActStatus.SIGNED && act.signedOn ? { on: act.signedOn, by: act.signedBy } : null,
    ...src.images,
  };
}

/** The ACT builder: null when the act is not visible; a draft is built too (it prints as a draft). */
export async function buildActModel(ctx: AuthedContext, actId: string, locale: Locale): Promise<BuiltModel<ActModel> | null> {
  const src = await readActSource(ctx, actId);
  if (!src) return null;
  const model = await actModelOf(ctx, src);
  const l = documentLabels(locale);
  const date = formatDate(model.date, locale, 'short');
  return {
    model,
    clientId: src.act.clientId,
    number: src.act.number,
    fileName: model.draft || !model.number ? l('act.fileNameDraft', { date }) : l('act.fileName', { number: model.number, date }),
    // an issued act is a legal record; a draft changes until it is issued
    immutable: !model.draft,
    forClient: !model.draft,
    revision: [src.act.number, src.act.issuedAt?.toISOString()].join('|'),
  };
}
