import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Locale } from '../../entities/enums';

@InputType({ description: "A new version of the agency's contract clause text in one language." })
export class SaveContractTemplateInput {
  @Field(() => Locale, { description: 'The language of the text.' })
  @IsEnum(Locale)
  locale: Locale;

  @Field({
    description:
      'The text in the template language: "## Heading" lines start sections, paragraphs separated by blank lines are clauses, {{name}} inserts a value from contractTemplatePlaceholders. At most 100 KB. A text with problems is refused as a whole (ContractTemplateInvalidError).',
  })
  @IsString()
  body: string;

  @Field(() => String, { nullable: true, description: 'What changed or who approved it (at most 500 characters), kept with the version.' })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
}
