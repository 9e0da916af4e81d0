import { Field, ObjectType } from 'type-graphql';
import { ErrorResult } from '../common/error-result';
import { ProposalStatus } from '../../entities/enums';
import { IllegalTransitionError, NotEditableErrorOf } from '../common/error-results';
import { resultUnion } from '../common/result-union';
import { DateScalar, DecimalScalar } from '../common/scalars';
import { PortalVisible } from '../common/visibility';
import { ProposalType, ToolMixType } from './proposal.type';

@ObjectType('ToolMixOutOfPolicyError', {
  implements: ErrorResult,
  description:
    'The media plan strays from 70/20/10 beyond the agency tolerance and no justification was given. Nothing was changed.',
})
export class ToolMixOutOfPolicyError extends ErrorResult {
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

  constructor(mix: ToolMixType) {
    super(
      'TOOL_MIX_OUT_OF_POLICY',
      `The tool mix ${mix.proven}/${mix.uncertain}/${mix.experimental} strays from 70/20/10 by more than ` +
        `${mix.tolerance} percentage points; send it with a justification`,
    );
    this.proven = mix.proven;
    this.uncertain = mix.uncertain;
    this.experimental = mix.experimental;
    this.provenDeviation = mix.provenDeviation;
    this.uncertainDeviation = mix.uncertainDeviation;
    this.experimentalDeviation = mix.experimentalDeviation;
    this.tolerance = mix.tolerance;
    this.toolMix = mix;
  }
}

@ObjectType('EmptyMediaPlanError', {
  implements: ErrorResult,
  description: 'The offer has no media plan (no lines, or no money at all: every budget and fee zero) and cannot be sent; a plan of fees only (SEO, SMM, web work) can. Nothing was changed.',
})
export class EmptyMediaPlanError extends ErrorResult {
  constructor(lineCount: number) {
    super('EMPTY_MEDIA_PLAN', lineCount === 0 ? 'The proposal has no media plan' : 'The media plan has no budget and no fee');
  }
}

@ObjectType('ProposalValidityPassedError', {
  implements: ErrorResult,
  description: 'The validity date of the offer is already over (agency time zone); set a new one first. Nothing was changed.',
})
export class ProposalValidityPassedError extends ErrorResult {
  @PortalVisible()
  @Field(() => DateScalar, { description: 'The validity date that has passed.' })
  validUntil: string;

  constructor(validUntil: string) {
    super('VALIDITY_PASSED', `The proposal was valid until ${validUntil}; set a new validity date before sending it`);
    this.validUntil = validUntil;
  }
}

export const ProposalNotEditableError = NotEditableErrorOf<ProposalStatus>(
  'Proposal',
  ProposalStatus,
  'Only a DRAFT offer can be edited; revise it first (reviseProposal). Nothing was changed.',
  ' (revise it first)',
);
export type ProposalNotEditableError = InstanceType<typeof ProposalNotEditableError>;

export const UpdateProposalResult = resultUnion('UpdateProposalResult', 'The changed offer, or why it cannot be changed.', ProposalType, [
  ProposalNotEditableError,
]);

export const SendProposalResult = resultUnion('SendProposalResult', 'The sent offer, or why it was not sent.', ProposalType, [
  IllegalTransitionError,
  ToolMixOutOfPolicyError,
  EmptyMediaPlanError,
  ProposalValidityPassedError,
]);

export const AcceptProposalResult = resultUnion('AcceptProposalResult', 'The accepted offer, or why it cannot be accepted.', ProposalType, [
  IllegalTransitionError,
]);

export const RejectProposalResult = resultUnion('RejectProposalResult', 'The rejected offer, or why it cannot be rejected.', ProposalType, [
  IllegalTransitionError,
]);

export const ReviseProposalResult = resultUnion(
  'ReviseProposalResult',
  'The offer back in DRAFT with the next revision number, or why it cannot be revised.',
  ProposalType,
  [IllegalTransitionError],
);
