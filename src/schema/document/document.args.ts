import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { DocumentFilter } from './document.inputs';

@ArgsType()
export class DocumentsArgs extends PageArgs {
  @Field(() => DocumentFilter, { nullable: true, description: 'Which documents; all visible ones by default. Newest first.' })
  @IsOptional()
  @ValidateNested()
  filter?: DocumentFilter | null;
}
