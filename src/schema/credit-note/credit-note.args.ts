import { ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { CreditNoteFilter } from './credit-note.inputs';

@ArgsType()
export class CreditNotesArgs extends PageArgs {
  @Field(() => CreditNoteFilter, { nullable: true, description: 'Which credit notes; all visible ones by default. Newest first.' })
  @ValidateNested()
  filter?: CreditNoteFilter | null;
}
