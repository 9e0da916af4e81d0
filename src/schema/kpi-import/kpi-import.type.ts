import { Field, Int, ObjectType } from 'type-graphql';
import './kpi-import.enums';

@ObjectType('KpiImportProblem', { description: 'Why one line of an imported file was refused.' })
export class KpiImportProblemType {
  @Field(() => Int, { description: 'Line number in the file, from 1.' })
  line: number;

  @Field(() => String, { nullable: true, description: 'The column at fault as named in the header; null for the whole line.' })
  column: string | null;

  @Field({ description: 'What is wrong, in the language of the request.' })
  message: string;
}

@ObjectType('KpiImportReport', { description: 'What an import did: lines imported, lines skipped, and why.' })
export class KpiImportReportType {
  @Field(() => Int, { description: 'Data lines whose figures were recorded (0 when the file was refused).' })
  imported: number;

  @Field(() => Int, { description: 'Data lines not recorded because of a problem.' })
  skipped: number;

  @Field(() => [KpiImportProblemType], { description: 'Every problem found, by line.' })
  problems: KpiImportProblemType[];
}
