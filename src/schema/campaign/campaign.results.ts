import { Field, ObjectType } from 'type-graphql';
import { LaunchChecklistItem } from '../../entities/enums';
import { ErrorResult } from '../common/error-result';
import { IllegalTransitionError } from '../common/error-results';
import { resultUnion } from '../common/result-union';
import { PortalVisible } from '../common/visibility';
import { CampaignType } from './campaign.type';

@ObjectType('LaunchChecklistIncompleteError', {
  implements: ErrorResult,
  description: 'The campaign cannot be launched: launch checklist items are not done (KPI counts as not done without KPI targets). Nothing was changed.',
})
export class LaunchChecklistIncompleteError extends ErrorResult {
  @PortalVisible()
  @Field(() => [LaunchChecklistItem], { description: 'The items not done, in checklist order.' })
  missing: LaunchChecklistItem[];

  constructor(missing: LaunchChecklistItem[]) {
    super('LAUNCH_CHECKLIST_INCOMPLETE', `The launch checklist is not complete: ${missing.join(', ')}`);
    this.missing = missing;
  }
}

@ObjectType('CampaignGoalsFrozenError', {
  implements: ErrorResult,
  description:
    'The goals (strategy, KPI targets) of a campaign that left PLANNED are fixed: a change of goals is a new campaign (createFollowUpCampaign). Nothing was changed.',
})
export class CampaignGoalsFrozenError extends ErrorResult {
  constructor() {
    super('CAMPAIGN_GOALS_FROZEN', 'The goals of a launched campaign are fixed: a change of goals is a new campaign (createFollowUpCampaign)');
  }
}

export const CampaignResult = resultUnion(
  'CampaignResult',
  'The campaign after the operation, or why it was refused (ILLEGAL_TRANSITION, LAUNCH_CHECKLIST_INCOMPLETE, CAMPAIGN_GOALS_FROZEN); a refusal changes nothing.',
  CampaignType,
  [IllegalTransitionError, LaunchChecklistIncompleteError, CampaignGoalsFrozenError],
);
