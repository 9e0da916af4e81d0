/**
 * The two parties every document prints, as plain data: the agency (supplier / executor) with
 * its requisites and bank details, and the client (customer) with its own. Built once per
 * document from the services; the renderers never see an entity.
 */
import type { AuthedContext } from '../../context';
import type { Client } from '../../entities';
import { documentSettings } from '../../services/requisites.service';

export interface PartyModel {
  /** the name to print: the legal name when known, else the trading name */
  name: string;
  country: string | null;
  inn: string | null;
  kpp: string | null;
  ogrn: string | null;
  eik: string | null;
  vatNumber: string | null;
  address: string | null;
  bankName: string | null;
  bic: string | null;
  settlementAccount: string | null;
  correspondentAccount: string | null;
  iban: string | null;
  signatoryName: string | null;
  signatoryPosition: string | null;
}

export interface AgencyPartyModel extends PartyModel {
  /** the trading name (letterhead, footer) */
  tradingName: string;
  vatPayer: boolean;
  timeZone: string;
}

/** The agency as a party, with what its documents need from its settings. */
export async function agencyParty(ctx: AuthedContext): Promise<AgencyPartyModel> {
  const { agency, requisites: r } = await documentSettings(ctx);
  return {
    name: r.legalName?.trim() || agency.name,
    tradingName: agency.name,
    country: agency.country ?? null,
    inn: r.inn,
    kpp: r.kpp,
    ogrn: r.ogrn,
    eik: r.eik,
    vatNumber: r.vatNumber,
    address: r.address,
    bankName: r.bankName,
    bic: r.bic,
    settlementAccount: r.settlementAccount,
    correspondentAccount: r.correspondentAccount,
    iban: r.iban,
    signatoryName: r.signatoryName,
    signatoryPosition: r.signatoryPosition,
    vatPayer: r.vatPayer,
    timeZone: agency.timeZone,
  };
}

/** The client as a party; its signatory is its primary contact when it has one. */
export async function clientParty(ctx: AuthedContext, client: Client): Promise<PartyModel> {
  const contacts = await ctx.loaders.contactsByClient.load(client.id);
  const signatory = contacts.find((c) => c.isPrimary) ?? null;
  return {
    name: client.legalName?.trim() || client.name,
    country: client.country,
    inn: client.inn,
    kpp: client.kpp,
    ogrn: client.ogrn,
    eik: client.eik,
    vatNumber: client.vatNumber,
    address: client.address,
    bankName: null,
    bic: null,
    settlementAccount: null,
    correspondentAccount: null,
    iban: null,
    signatoryName: signatory?.fullName ?? null,
    signatoryPosition: signatory?.position ?? null,
  };
}
