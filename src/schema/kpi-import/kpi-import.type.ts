import { Field, ID, Int, ObjectType } from 'type-graphql';
import { KpiImportStatus } from '../../entities/enums';
import { Connection } from '../common/connection';
import { DateTimeScalar } from '../common/scalars';
import { KpiImportSource } from './kpi-import.enums';

@ObjectType('KpiImportProblem', { description: 'Why one line of an imported file was refused.' })
export class KpiImportProblemType {
  @Field(() => Int, { description: 'Line number in the file, from 1.' })
  line: number;

  @Field(() => String, { nullable: true, description: 'The column at fault as named in the header; null for the whole line.' })
  column: string | null;

  @Field({ description: 'What is wrong, in the language of the request.' })
  message: string;
}

@ObjectType('KpiImportError', { description: 'Why an import stopped without finishing.' })
export class KpiImportErrorType {
  @Field({ description: 'A stable code: NOT_FOUND (a campaign went away), IMPORT_INTERRUPTED (its last attempt stopped without finishing: the server running it stopped, or it ran too long), INTERNAL_SERVER_ERROR (the import could not be completed, retries included).' })
  code: string;

  @Field({ description: 'What happened, in the language of the request.' })
  message: string;
}

@ObjectType('KpiImport', { description: 'An import of a measurements file: where it stands, how far it got, and what it did.' })
export class KpiImportType {
  @Field(() => ID, { description: 'Id of the import.' })
  id: string;

  @Field(() => KpiImportSource, { description: 'The layout of the file.' })
  source: KpiImportSource;

  @Field(() => KpiImportStatus, { description: 'Where it stands.' })
  status: KpiImportStatus;

  @Field(() => Int, { description: 'Lines of the file, header and title lines included.' })
  linesTotal: number;

  @Field(() => Int, { description: 'Lines of the file read so far: the progress of the first half of an import. At linesTotal the whole file is read; the import then checks every line and records the figures (figuresDone of figuresTotal).' })
  linesDone: number;

  @Field(() => Int, { description: 'Figures (one per metric of a valid line) to record, known once every line is checked; 0 until then and when the file was refused.' })
  figuresTotal: number;

  @Field(() => Int, { description: 'Figures recorded so far: the progress of the second half of an import (they become visible to other readers all at once, when it SUCCEEDS).' })
  figuresDone: number;

  @Field(() => Int, { description: 'Data lines whose figures were recorded (0 until it succeeds, and when the file was refused).' })
  imported: number;

  @Field(() => Int, { description: 'Data lines not recorded because of a problem (all of them when the file was refused).' })
  skipped: number;

  @Field(() => [KpiImportProblemType], { description: 'The problems found, by line: the first 1,000 (problemCount says how many in all).' })
  problems: KpiImportProblemType[];

  @Field(() => Int, { description: 'How many problems were found in all.' })
  problemCount: number;

  @Field(() => KpiImportErrorType, { nullable: true, description: 'Why it FAILED; null otherwise.' })
  error: KpiImportErrorType | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the work started.' })
  startedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it ended (SUCCEEDED, REFUSED or FAILED); null while it runs.' })
  finishedAt: Date | null;

  @Field(() => DateTimeScalar, { description: 'When it was asked for.' })
  createdAt: Date;
}

@ObjectType('KpiImportConnection', { description: 'A page of imports, newest first.' })
export class KpiImportConnection extends Connection(KpiImportType, 'KpiImport') {}
