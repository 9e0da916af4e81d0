import { Field, ID, Int, ObjectType } from 'type-graphql';
import { JobState } from '../../entities/job.entity';
import { JSONScalar } from '../common/scalars';
import './job.enums';

@ObjectType('JobError', { description: 'Why a job (or its last attempt) failed.' })
export class JobErrorType {
  @Field({ description: 'Stable code, e.g. EMAIL_NOT_SENT or INTERNAL_SERVER_ERROR.' })
  code: string;

  @Field({ description: "What went wrong, in your agency's language." })
  message: string;
}

@ObjectType('Job', { description: 'Long work done in the background (a report, an import, an email), with its progress and outcome.' })
export class JobType {
  @Field(() => ID, { description: 'Job id.' })
  id: string;

  @Field({ description: 'What the job does, e.g. "email.send".' })
  kind: string;

  @Field(() => JobState, { description: 'Where the job is.' })
  state: JobState;

  @Field(() => Int, { description: 'How far the current attempt got, 0–100 (100 once SUCCEEDED).' })
  progress: number;

  @Field(() => String, { nullable: true, description: 'What the job is doing now, when it says.' })
  progressMessage: string | null;

  @Field(() => JSONScalar, { nullable: true, description: 'What the job produced, once SUCCEEDED; its shape depends on the kind.' })
  result: unknown;

  @Field(() => JobErrorType, { nullable: true, description: 'Why the job FAILED, or why its last attempt failed while a retry is QUEUED; null otherwise.' })
  error: JobErrorType | null;

  @Field(() => Int, { description: 'Attempts started so far (0 while the first is QUEUED).' })
  attempts: number;

  @Field({ description: 'When the job was queued.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When its latest attempt started; null while never started.' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it SUCCEEDED, FAILED or was CANCELLED; null before.' })
  finishedAt: Date | null;
}
