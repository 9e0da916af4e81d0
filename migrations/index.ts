/** Every migration, in order. The app runs them on start; `npm run migrate` runs them alone. */
import { RowLevelSecurity1796700000900 } from './1796700000900-RowLevelSecurity';
import { CostBudgetLeases1796700001500 } from './1796700001500-CostBudgetLeases';
import { BeforeAgencyLookups1796700001000 } from './1796700001000-BeforeAgencyLookups';
import { PendingSignUps1796800000100 } from './1796800000100-PendingSignUps';
import { PendingSignUpsForLoginRole1796800000200 } from './1796800000200-PendingSignUpsForLoginRole';
import { PortalRowSecurity1796900000100 } from './1796900000100-PortalRowSecurity';
import { KpiMeasurementsWithoutId1797000000100 } from './1797000000100-KpiMeasurementsWithoutId';
import { KpiCoveringKeys1797000000200 } from './1797000000200-KpiCoveringKeys';
import { ImportFilesUncompressed1797000000300 } from './1797000000300-ImportFilesUncompressed';
import { ListOrderIndexes1797100000100 } from './1797100000100-ListOrderIndexes';
import { ClientListOrderIndexes1797100000200 } from './1797100000200-ClientListOrderIndexes';
import { TokenUserNotices1797200000100 } from './1797200000100-TokenUserNotices';
import { Foundation1795388750004 } from './1795388750004-Foundation';
import { Pipeline1795389626333 } from './1795389626333-Pipeline';
import { Money1795390357665 } from './1795390357665-Money';
import { ApprovalPosition1795394006149 } from './1795394006149-ApprovalPosition';
import { DoubleClickGuards1795395000000 } from './1795395000000-DoubleClickGuards';
import { UserPhone1795397211513 } from './1795397211513-UserPhone';
import { UserTokenVersion1796190000000 } from './1796190000000-UserTokenVersion';
import { PasswordResetTokens1796181296742 } from './1796181296742-PasswordResetTokens';
import { ActVatDifference1796200000000 } from './1796200000000-ActVatDifference';
import { ToolMixBasis1796200000001 } from './1796200000001-ToolMixBasis';
import { PriceBasis1796300000000 } from './1796300000000-PriceBasis';
import { CreditNotes1796300000100 } from './1796300000100-CreditNotes';
import { ProposalNumbers1796300000200 } from './1796300000200-ProposalNumbers';
import { VatRegimes1796300000201 } from './1796300000201-VatRegimes';
import { GeneratedDocuments1796400000100 } from './1796400000100-GeneratedDocuments';
import { AgencyAssetsAndTemplates1796400000200 } from './1796400000200-AgencyAssetsAndTemplates';
import { Campaigns1796500000100 } from './1796500000100-Campaigns';
import { KpiMeasurements1796500000200 } from './1796500000200-KpiMeasurements';
import { CampaignOptimizations1796500000300 } from './1796500000300-CampaignOptimizations';
import { KpiMeasurementMonths1796500000400 } from './1796500000400-KpiMeasurementMonths';
import { KpiImports1796500000500 } from './1796500000500-KpiImports';
import { KpiImportJobsAndDeviationClose1796500000800 } from './1796500000800-KpiImportJobsAndDeviationClose';
import { AnalyticsAndUpsell1796600000200 } from './1796600000200-AnalyticsAndUpsell';
import { JobsAndOutboundEmails1796500000700 } from './1796500000700-JobsAndOutboundEmails';
import { Surveys1796600000100 } from './1796600000100-Surveys';
import { Webhooks1796600000300 } from './1796600000300-Webhooks';
import { Reports1796600000400 } from './1796600000400-Reports';
import { KpiMeasurementsKey1796500000900 } from './1796500000900-KpiMeasurementsKey';
import { CostBudgets1796700000100 } from './1796700000100-CostBudgets';
import { RateLimits1796700000200 } from './1796700000200-RateLimits';
import { KpiMeasurementsWithoutCampaignFk1796700000500 } from './1796700000500-KpiMeasurementsWithoutCampaignFk';

export const MIGRATIONS: Function[] = [
  Foundation1795388750004,
  Pipeline1795389626333,
  Money1795390357665,
  ApprovalPosition1795394006149,
  DoubleClickGuards1795395000000,
  UserPhone1795397211513,
  PasswordResetTokens1796181296742,
  UserTokenVersion1796190000000,
  ActVatDifference1796200000000,
  ToolMixBasis1796200000001,
  PriceBasis1796300000000,
  CreditNotes1796300000100,
  ProposalNumbers1796300000200,
  VatRegimes1796300000201,
  GeneratedDocuments1796400000100,
  AgencyAssetsAndTemplates1796400000200,
  Campaigns1796500000100,
  KpiMeasurements1796500000200,
  CampaignOptimizations1796500000300,
  KpiMeasurementMonths1796500000400,
  KpiImports1796500000500,
  JobsAndOutboundEmails1796500000700,
  KpiImportJobsAndDeviationClose1796500000800,
  Surveys1796600000100,
  Webhooks1796600000300,
  AnalyticsAndUpsell1796600000200,
  Reports1796600000400,
  KpiMeasurementsKey1796500000900,
  CostBudgets1796700000100,
  RateLimits1796700000200,
  KpiMeasurementsWithoutCampaignFk1796700000500,
  RowLevelSecurity1796700000900,
  BeforeAgencyLookups1796700001000,
  CostBudgetLeases1796700001500,
  PendingSignUps1796800000100,
  PendingSignUpsForLoginRole1796800000200,
  PortalRowSecurity1796900000100,
  KpiMeasurementsWithoutId1797000000100,
  KpiCoveringKeys1797000000200,
  ImportFilesUncompressed1797000000300,
  ListOrderIndexes1797100000100,
  ClientListOrderIndexes1797100000200,
  TokenUserNotices1797200000100,
];
