import { ArgsType } from 'type-graphql';
import { PageArgs } from '../common/connection';

@ArgsType()
export class KpiImportsArgs extends PageArgs {}
