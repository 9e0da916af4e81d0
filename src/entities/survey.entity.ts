import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { Client } from './client.entity';
import { SurveyStatus, SurveyTrigger } from './enums';
import { PortalScope } from './portal-scope';

/**
 * A satisfaction survey of a client, sent to some of its contacts after an act was signed or a
 * deal won (or by hand). It evaluates one agency manager (the deal's manager, else the client's
 * owner). A low score in any answer opens a follow-up for the agency owner (followUpOpenedAt)
 * until an owner records one (followUpResolvedAt).
 */
@Entity('surveys')
@Index('surveys_newest', ['agencyId', 'sentAt', 'id'])
@PortalScope('clientId')
@Index('surveys_client', ['agencyId', 'clientId', 'sentAt', 'id'])
@Index('surveys_act', ['agencyId', 'actId'], { where: '"actId" IS NOT NULL' })
@Index('surveys_deal', ['agencyId', 'dealId'], { where: '"dealId" IS NOT NULL' })
export class Survey extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client;

  @Column({ type: 'enum', enum: SurveyTrigger, enumName: 'survey_trigger' })
  trigger: SurveyTrigger;

  @Column('uuid', { nullable: true })
  actId: string | null;

  @Column('uuid', { nullable: true })
  dealId: string | null;

  /** the agency user evaluated; null when the client has no owner */
  @Column('uuid', { nullable: true })
  managerId: string | null;

  @Column({ type: 'enum', enum: SurveyStatus, enumName: 'survey_status', default: SurveyStatus.SENT })
  status: SurveyStatus;

  @Column({ type: 'timestamptz', precision: 3 })
  sentAt: Date;

  /** the last day the links work (agency calendar date) */
  @Column({ type: 'date' })
  dueOn: string;

  @Column('uuid', { nullable: true })
  sentById: string | null;

  /** when the first low-scored answer arrived: the owner's follow-up is open from then */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  followUpOpenedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  followUpResolvedAt: Date | null;

  @Column('uuid', { nullable: true })
  followUpResolvedById: string | null;

  @Column({ type: 'text', nullable: true })
  followUpComment: string | null;
}

/**
 * One contact's one-time link to a survey: only the SHA-256 of the token is stored. The link
 * answers once (answeredAt) and stops working at expiresAt.
 */
@Entity('survey_invitations')
@PortalScope('clientId')
@Index('survey_invitations_survey', ['agencyId', 'surveyId'])
@Index('survey_invitations_token', ['tokenHash'], { unique: true })
export class SurveyInvitation extends TenantOwned {
  @Column('uuid')
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'surveyId' })
  survey?: Survey;

  @Column('uuid')
  clientId: string;

  @Column('uuid', { nullable: true })
  contactId: string | null;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;
}

/**
 * One filled-in questionnaire: through a one-time link (invitationId) or by a portal user
 * (userId). One per link and one per portal user and survey.
 */
@Entity('survey_responses')
@PortalScope('clientId')
@Index('survey_responses_survey', ['agencyId', 'surveyId'])
@Index('survey_responses_answered', ['agencyId', 'answeredAt'])
@Index('survey_responses_one_per_link', ['invitationId'], { unique: true, where: '"invitationId" IS NOT NULL' })
@Index('survey_responses_one_per_user', ['surveyId', 'userId'], { unique: true, where: '"userId" IS NOT NULL' })
@Check('survey_responses_one_source', '("invitationId" IS NULL) <> ("userId" IS NULL)')
export class SurveyResponse extends TenantOwned {
  @Column('uuid')
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'surveyId' })
  survey?: Survey;

  @Column('uuid')
  clientId: string;

  @Column('uuid', { nullable: true })
  invitationId: string | null;

  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  answeredAt: Date;

  /** some score of it is at or below its follow-up threshold */
  @Column({ default: false })
  lowScore: boolean;
}

/**
 * The score (and comment) of one question of a response; the question is a key of
 * SATISFACTION_QUESTIONS. The response's answeredAt and the survey's managerId are copied here
 * (neither changes once written) so that the metrics are one aggregate over one table.
 */
@Entity('survey_answers')
@PortalScope('clientId')
@Index('survey_answers_question', ['responseId', 'questionKey'], { unique: true })
@Index('survey_answers_survey', ['agencyId', 'surveyId'])
@Index('survey_answers_period', ['agencyId', 'answeredAt'])
@Check('survey_answers_score_range', '"score" BETWEEN 0 AND 10')
export class SurveyAnswer extends TenantOwned {
  @Column('uuid')
  responseId: string;

  @ManyToOne(() => SurveyResponse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'responseId' })
  response?: SurveyResponse;

  @Column('uuid')
  surveyId: string;

  @Column('uuid')
  clientId: string;

  @Column({ type: 'timestamptz', precision: 3 })
  answeredAt: Date;

  /** the manager the survey evaluates */
  @Column('uuid', { nullable: true })
  managerId: string | null;

  @Column({ type: 'varchar', length: 40 })
  questionKey: string;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
