import { ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../common/connection';
import { InvoiceFilter } from './invoice.inputs';

@ArgsType()
export class InvoicesArgs extends PageArgs {
  @Field(() => InvoiceFilter, { nullable: true, description: 'Which invoices.' })
  @ValidateNested()
  filter?: InvoiceFilter | null;
}
