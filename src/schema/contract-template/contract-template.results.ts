import { Field, Int, ObjectType } from 'type-graphql';
import { ContractTemplateProblemCode } from '../../documents/contract/contract-template';
import { ErrorResult } from '../common/error-result';
import { resultUnion } from '../common/result-union';
import { ContractTemplateType } from './contract-template.type';

@ObjectType('ContractTemplateProblem', { description: 'One problem of a contract template text.' })
export class ContractTemplateProblemType {
  @Field(() => ContractTemplateProblemCode, { description: 'What is wrong.' })
  code: ContractTemplateProblemCode;

  @Field(() => Int, { nullable: true, description: 'The line of the text (from 1); null for a problem of the whole text (too long, no sections).' })
  line: number | null;

  @Field(() => String, { nullable: true, description: 'The placeholder as written between the braces, for UNKNOWN_PLACEHOLDER.' })
  placeholder: string | null;

  @Field({ description: "The problem, for people, in the agency's language." })
  message: string;
}

@ObjectType('ContractTemplateInvalidError', {
  implements: ErrorResult,
  description: 'The template text has problems, each with its line; nothing was saved.',
})
export class ContractTemplateInvalidError extends ErrorResult {
  @Field(() => [ContractTemplateProblemType], { description: 'Every problem found (at most 50), in the order of the text.' })
  problems: ContractTemplateProblemType[];

  constructor(problems: ContractTemplateProblemType[]) {
    super('CONTRACT_TEMPLATE_INVALID', 'The contract template has problems; nothing was saved');
    this.problems = problems;
  }
}

export const SaveContractTemplateResult = resultUnion(
  'SaveContractTemplateResult',
  'The new version of the contract template, now in force, or why the text was refused.',
  ContractTemplateType,
  [ContractTemplateInvalidError],
);
