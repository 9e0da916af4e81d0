import type { RequestContext } from '../context';
import { ActLoaders, createActLoaders } from './act.loaders';
import { BriefLoaders, createBriefLoaders } from './brief.loaders';
import { CampaignLoaders, createCampaignLoaders } from './campaign.loaders';
import { CampaignOptimizationLoaders, createCampaignOptimizationLoaders } from './campaign-optimization.loaders';
import { ClientLoaders, createClientLoaders } from './client.loaders';
import { ContractLoaders, createContractLoaders } from './contract.loaders';
import { createCreditNoteLoaders, CreditNoteLoaders } from './credit-note.loaders';
import { createDealLoaders, DealLoaders } from './deal.loaders';
import { createInvoiceLoaders, InvoiceLoaders } from './invoice.loaders';
import { createJobLoaders, JobLoaders } from './job.loaders';
import { createKpiMeasurementLoaders, KpiMeasurementLoaders } from './kpi-measurement.loaders';
import { createKpiSeriesLoaders, KpiSeriesLoaders } from './kpi-series.loaders';
import { createProposalLoaders, ProposalLoaders } from './proposal.loaders';
import { createSurveyLoaders, SurveyLoaders } from './survey.loaders';
import { createUserLoaders, UserLoaders } from './user.loaders';
import { createWebhookLoaders, WebhookLoaders } from './webhook.loaders';

export { byId, childRowsOf, groupBy } from './loader-kit';

/**
 * Per-request batching loaders, one file per aggregate: a nested list never issues one query per
 * row. Every loader reads through the context it was created with; a transaction's derived
 * context gets its own set.
 */
export type Loaders = UserLoaders &
  ClientLoaders &
  BriefLoaders & ProposalLoaders & ContractLoaders & InvoiceLoaders & CreditNoteLoaders & ActLoaders & DealLoaders & CampaignLoaders & KpiMeasurementLoaders & KpiSeriesLoaders & CampaignOptimizationLoaders & JobLoaders & SurveyLoaders & WebhookLoaders;

/** The aggregates' loader factories, each making its group of loaders for a context. */
const GROUPS: ReadonlyArray<(ctx: RequestContext) => object> = [
  createUserLoaders,
  createClientLoaders,
  createBriefLoaders,
  createProposalLoaders,
  createContractLoaders,
  createInvoiceLoaders,
  createCreditNoteLoaders,
  createActLoaders,
  createDealLoaders,
  createCampaignLoaders,
  createKpiMeasurementLoaders,
  createKpiSeriesLoaders,
  createCampaignOptimizationLoaders,
  createJobLoaders,
  createSurveyLoaders,
  createWebhookLoaders,
];

const CONTEXT = Symbol('loaders context');

/**
 * The loaders of a context, each aggregate's group made when one of its loaders is first used: a
 * request uses a few of some hundred loaders (a chart none of the invoices' ones), and making them
 * all was ~5 % of the CPU of a small request. A made group's loaders become own properties of the
 * object (so `Object.values` gives the loaders made, e.g. to clear them); a loader name belongs to
 * one group only (checked when the class is built).
 */
type LazyLoadersClass = new (ctx: RequestContext) => Loaders;
let LazyLoaders: LazyLoadersClass | null = null;

/**
 * The names of each group's loaders, from one group made for the given context. Apart from
 * lazyLoadersClass: the class's getters must not close over that first context (it would then
 * stay in memory, with its loaders' rows, for the life of the process).
 */
function loaderNamesOf(ctx: RequestContext): string[][] {
  return GROUPS.map((create) => Object.keys(create(ctx)));
}

function lazyLoadersClass(names: readonly string[][]): LazyLoadersClass {
  class Lazy {
    constructor(context: RequestContext) {
      // a symbol key: not among the loaders Object.values lists
      (this as unknown as Record<symbol, RequestContext>)[CONTEXT] = context;
    }
  }
  const owner = new Map<string, number>();
  GROUPS.forEach((create, i) => {
    for (const name of names[i]) {
      if (owner.has(name)) throw new Error(`loader ${name} is made by two aggregates`);
      owner.set(name, i);
      Object.defineProperty(Lazy.prototype, name, {
        configurable: true,
        get(this: Record<string | symbol, unknown>) {
          // own data properties over the prototype's getters (an assignment would hit the getter)
          for (const [key, loader] of Object.entries(create(this[CONTEXT] as RequestContext))) {
            Object.defineProperty(this, key, { value: loader, writable: true, enumerable: true, configurable: true });
          }
          return this[name];
        },
      });
    }
  });
  return Lazy as unknown as LazyLoadersClass;
}

export function createLoaders(ctx: RequestContext): Loaders {
  LazyLoaders ??= lazyLoadersClass(loaderNamesOf(ctx));
  return new LazyLoaders(ctx);
}
