import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { STAFF } from '../auth/auth-checker';
import type { AuthedContext } from '../context';
import { Locale, UserRole } from '../entities/enums';
import { SaveContractTemplateInput } from '../schema/contract-template/contract-template.inputs';
import { SaveContractTemplateResult } from '../schema/contract-template/contract-template.results';
import { ContractTemplatePlaceholderType, ContractTemplateSectionType, ContractTemplateType } from '../schema/contract-template/contract-template.type';
import * as templates from '../services/contract-template.service';

/** The contract clause text per language: read by the agency's staff, changed by the owner. */
@Resolver(() => ContractTemplateType)
export class ContractTemplateResolver {
  @Authorized(STAFF)
  @Query(() => ContractTemplateType, { description: "The contract clause text in force in that language: the agency's newest version, or the built-in text (isDefault)." })
  contractTemplate(@Ctx() ctx: AuthedContext, @Arg('locale', () => Locale, { description: 'The language.' }) locale: Locale) {
    return templates.contractTemplateView(ctx, locale);
  }

  @Authorized(STAFF)
  @Query(() => [ContractTemplateType], {
    description: 'Every version the agency saved in that language, newest (in force) first; empty while the built-in text was never changed.',
  })
  contractTemplateVersions(@Ctx() ctx: AuthedContext, @Arg('locale', () => Locale, { description: 'The language.' }) locale: Locale) {
    return templates.contractTemplateVersions(ctx, locale);
  }

  @Authorized(STAFF)
  @Query(() => [ContractTemplatePlaceholderType], { description: 'The values a contract template may insert, with what each one is: for an editor that suggests them.' })
  contractTemplatePlaceholders(@Ctx() ctx: AuthedContext) {
    return templates.contractTemplatePlaceholders(ctx);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => SaveContractTemplateResult, {
    description:
      "Saves the agency's contract clause text in one language as its next version, in force for contracts printed from then on. A text with problems is refused whole, every problem with its line. Owner only.",
  })
  saveContractTemplate(@Ctx() ctx: AuthedContext, @Arg('input', () => SaveContractTemplateInput, { description: 'The operation input.' }) input: SaveContractTemplateInput) {
    return templates.saveContractTemplate(ctx, input);
  }

  @Authorized(UserRole.OWNER)
  @Mutation(() => ContractTemplateType, {
    description:
      'Goes back to the built-in contract text in that language: stores a version marked isDefault, so the history shows who reset it and when (nothing is stored when the built-in text is already in force). Owner only.',
  })
  resetContractTemplate(@Ctx() ctx: AuthedContext, @Arg('locale', () => Locale, { description: 'The language.' }) locale: Locale) {
    return templates.resetContractTemplate(ctx, locale);
  }

  @FieldResolver(() => [String], { description: 'The paragraphs before the first section (the parties), not numbered.' })
  preamble(@Root() template: templates.ContractTemplateView) {
    return templates.numberedTemplate(template).preamble;
  }

  @FieldResolver(() => [ContractTemplateSectionType], { description: 'The sections with their numbers and numbered clauses, placeholders as written: a preview of the numbering.' })
  sections(@Root() template: templates.ContractTemplateView) {
    return templates.numberedTemplate(template).sections;
  }
}
