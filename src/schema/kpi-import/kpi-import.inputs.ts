import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { KpiImportSource } from './kpi-import.enums';

/** Files up to this many lines are imported within the request unless asked otherwise. */
export const IMPORT_IN_REQUEST_MAX_LINES = 20_000;

@InputType({ description: 'A file of daily figures to import into campaigns.' })
export class ImportKpiFileInput {
  @Field(() => KpiImportSource, { description: 'The layout of the file.' })
  source: KpiImportSource;

  @Field(() => String, {
    description:
      'The file text (UTF-8), up to 5,000,000 characters; the request as a whole is limited to 1 MiB, which is what bounds a file in practice (about 30,000 lines of a platform report).',
  })
  @MaxLength(5_000_000)
  content: string;

  @Field(() => ID, { nullable: true, description: 'The campaign every line goes to, whatever the file says (for files without a campaign column).' })
  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be a valid id' })
  campaignId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Import the valid lines and skip the others; by default one bad line refuses the whole file.' })
  @IsOptional()
  skipInvalidRows?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Yandex Direct only: money in micro-units (returnMoneyInMicros: true, the Reports API default). true by default.' })
  @IsOptional()
  moneyInMicros?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: `Answer at once with the RUNNING import and keep working in the background (poll kpiImport(id)). Files of more than ${IMPORT_IN_REQUEST_MAX_LINES.toLocaleString('en')} lines always run in the background.`,
  })
  @IsOptional()
  background?: boolean | null;
}

