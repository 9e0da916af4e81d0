import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Locale } from '../../entities/enums';
import './contract-template.enums';

@ObjectType('ContractTemplateClause', { description: 'A clause of a contract template, with its number.' })
export class ContractTemplateClauseType {
  @Field({ description: 'Its number, e.g. "2.3": the third clause of the second section.' })
  number: string;

  @Field({ description: 'The clause as written, placeholders included.' })
  text: string;
}

@ObjectType('ContractTemplateSection', { description: 'A numbered section of a contract template.' })
export class ContractTemplateSectionType {
  @Field({ description: 'Its number, e.g. "2".' })
  number: string;

  @Field({ description: 'The heading, as written after "## ".' })
  heading: string;

  @Field(() => [ContractTemplateClauseType], { description: 'Its clauses, in order.' })
  clauses: ContractTemplateClauseType[];
}

@ObjectType('ContractTemplate', {
  description:
    "The contract clause text of one language: the agency's own version or the built-in text. Written in the template language: \"## Heading\" starts a numbered section, each paragraph is a numbered clause, {{name}} inserts a value from contractTemplatePlaceholders.",
})
export class ContractTemplateType {
  @Field(() => Locale, { description: 'The language of the text.' })
  locale: Locale;

  @Field(() => Int, { nullable: true, description: "The agency's version number (1, 2, … per language); null for the built-in text the agency never changed." })
  version: number | null;

  @Field({ description: 'True for the built-in text (never changed, or reset to it by resetContractTemplate).' })
  isDefault: boolean;

  @Field({ description: 'The text, in the template language.' })
  body: string;

  @Field(() => String, { nullable: true, description: 'What the version changed or who approved it, as noted when it was saved.' })
  note: string | null;

  @Field(() => Date, { nullable: true, description: 'When this version was saved; null for the built-in text the agency never changed.' })
  createdAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who saved this version.' })
  createdById: string | null;
}

@ObjectType('ContractTemplatePlaceholder', { description: 'A value a contract template may insert with {{name}}.' })
export class ContractTemplatePlaceholderType {
  @Field({ description: 'What goes between the braces, e.g. contract.number.' })
  name: string;

  @Field({ description: "What it inserts and where the value comes from, in the agency's language." })
  description: string;
}
