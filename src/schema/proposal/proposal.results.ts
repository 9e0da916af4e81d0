import { createUnionType, Field, ObjectType } from 'type-graphql';
import { ProposalStatus } from '../../entities/enums';
import { ErrorResult } from '../common/error-result';
import { IllegalTransitionErrorType, resolveResultType } from '../common/error-results';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { ProposalType, ToolMixType } from './proposal.type';
import { PortalVisible } from '../common/visibility';

@ObjectType('ToolMixOutOfPolicyError', {
  implements: ErrorResult,
  description:
    'The media plan strays from 70/20/10 beyond the agency tolerance and no justification was given. Nothing was changed.',
})
export class ToolMixOutOfPolicyErrorType extends ErrorResult {
  @Field(() => DecimalScalar, { description: 'Share of proven tools, in percent (target 70).' })
  proven: string;

  @Field(() => DecimalScalar, { description: 'Share of uncertain tools, in percent (target 20).' })
  uncertain: string;

  @Field(() => DecimalScalar, { description: 'Share of experiments, in percent (target 10).' })
  experimental: string;

  @Field(() => DecimalScalar, { description: 'proven − 70, in percentage points.' })
  provenDeviation: string;

  @Field(() => DecimalScalar, { description: 'uncertain − 20, in percentage points.' })
  uncertainDeviation: string;

  @Field(() => DecimalScalar, { description: 'experimental − 10, in percentage points.' })
  experimentalDeviation: string;

  @Field(() => DecimalScalar, { description: 'The tolerance applied, in percentage points.' })
  tolerance: string;

  // nullable only so that it merges with Proposal.toolMix in one selection on the union
  @Field(() => ToolMixType, { nullable: true, description: 'The whole mix, as on Proposal.toolMix (never null here).' })
  toolMix: ToolMixType;
}

@ObjectType('EmptyMediaPlanError', {
  implements: ErrorResult,
  description: 'The offer has no media plan (no lines, or no budget at all) and cannot be sent. Nothing was changed.',
})
export class EmptyMediaPlanErrorType extends ErrorResult {}

@ObjectType('ProposalValidityPassedError', {
  implements: ErrorResult,
  description: 'The validity date of the offer is already over (agency time zone); set a new one first. Nothing was changed.',
})
export class ProposalValidityPassedErrorType extends ErrorResult {
  @PortalVisible()
  @Field(() => DateScalar, { description: 'The validity date that has passed.' })
  validUntil: string;
}

@ObjectType('ProposalNotEditableError', {
  implements: ErrorResult,
  description: 'Only a DRAFT offer can be edited; revise it first (reviseProposal). Nothing was changed.',
})
export class ProposalNotEditableErrorType extends ErrorResult {
  @PortalVisible()
  @Field(() => ProposalStatus, { description: 'The current (effective) status.' })
  status: ProposalStatus;
}

const resolveType = resolveResultType('Proposal');

export const UpdateProposalResult = createUnionType({
  name: 'UpdateProposalResult',
  description: 'The changed offer, or why it cannot be changed.',
  types: () => [ProposalType, ProposalNotEditableErrorType] as const,
  resolveType,
});

export const SendProposalResult = createUnionType({
  name: 'SendProposalResult',
  description: 'The sent offer, or why it was not sent.',
  types: () =>
    [ProposalType, IllegalTransitionErrorType, ToolMixOutOfPolicyErrorType, EmptyMediaPlanErrorType, ProposalValidityPassedErrorType] as const,
  resolveType,
});

export const AcceptProposalResult = createUnionType({
  name: 'AcceptProposalResult',
  description: 'The accepted offer, or why it cannot be accepted.',
  types: () => [ProposalType, IllegalTransitionErrorType] as const,
  resolveType,
});

export const RejectProposalResult = createUnionType({
  name: 'RejectProposalResult',
  description: 'The rejected offer, or why it cannot be rejected.',
  types: () => [ProposalType, IllegalTransitionErrorType] as const,
  resolveType,
});

export const ReviseProposalResult = createUnionType({
  name: 'ReviseProposalResult',
  description: 'The offer back in DRAFT with the next revision number, or why it cannot be revised.',
  types: () => [ProposalType, IllegalTransitionErrorType] as const,
  resolveType,
});
