import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Satisfaction surveys: the survey of a client, one-time links per contact (only the SHA-256 of
 * the token stored), responses (one per link, one per portal user) and their per-question answers.
 */
export class Surveys1796600000100 implements MigrationInterface {
  name = 'Surveys1796600000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."survey_trigger" AS ENUM('ACT_SIGNED', 'DEAL_WON', 'MANUAL')`);
    await queryRunner.query(`CREATE TYPE "public"."survey_status" AS ENUM('SENT', 'ANSWERED')`);
    await queryRunner.query(`CREATE TABLE "surveys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "trigger" "public"."survey_trigger" NOT NULL, "actId" uuid, "dealId" uuid, "managerId" uuid, "status" "public"."survey_status" NOT NULL DEFAULT 'SENT', "sentAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "dueOn" date NOT NULL, "sentById" uuid, "followUpOpenedAt" TIMESTAMP(3) WITH TIME ZONE, "followUpResolvedAt" TIMESTAMP(3) WITH TIME ZONE, "followUpResolvedById" uuid, "followUpComment" text, CONSTRAINT "PK_surveys" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f0c35d1eab5cf77115288b1e91" ON "surveys" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "surveys_deal" ON "surveys" ("agencyId", "dealId") WHERE "dealId" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "surveys_act" ON "surveys" ("agencyId", "actId") WHERE "actId" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "surveys_client" ON "surveys" ("agencyId", "clientId", "sentAt") `);
    await queryRunner.query(`CREATE TABLE "survey_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "surveyId" uuid NOT NULL, "clientId" uuid NOT NULL, "contactId" uuid, "email" character varying(254) NOT NULL, "tokenHash" character(64) NOT NULL, "expiresAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "answeredAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_survey_invitations" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0dbe952f18d51ab1a2e3531ad8" ON "survey_invitations" ("agencyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "survey_invitations_token" ON "survey_invitations" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "survey_invitations_survey" ON "survey_invitations" ("agencyId", "surveyId") `);
    await queryRunner.query(`CREATE TABLE "survey_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "surveyId" uuid NOT NULL, "clientId" uuid NOT NULL, "invitationId" uuid, "userId" uuid, "answeredAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "lowScore" boolean NOT NULL DEFAULT false, CONSTRAINT "survey_responses_one_source" CHECK (("invitationId" IS NULL) <> ("userId" IS NULL)), CONSTRAINT "PK_survey_responses" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2cff1661cea79f63a7173df3bc" ON "survey_responses" ("agencyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "survey_responses_one_per_user" ON "survey_responses" ("surveyId", "userId") WHERE "userId" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "survey_responses_one_per_link" ON "survey_responses" ("invitationId") WHERE "invitationId" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "survey_responses_answered" ON "survey_responses" ("agencyId", "answeredAt") `);
    await queryRunner.query(`CREATE INDEX "survey_responses_survey" ON "survey_responses" ("agencyId", "surveyId") `);
    await queryRunner.query(`CREATE TABLE "survey_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "responseId" uuid NOT NULL, "surveyId" uuid NOT NULL, "clientId" uuid NOT NULL, "answeredAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "managerId" uuid, "questionKey" character varying(40) NOT NULL, "score" smallint NOT NULL, "comment" text, CONSTRAINT "survey_answers_score_range" CHECK ("score" BETWEEN 0 AND 10), CONSTRAINT "PK_survey_answers" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_5b283d8a228da1a99caeec588b" ON "survey_answers" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "survey_answers_survey" ON "survey_answers" ("agencyId", "surveyId") `);
    await queryRunner.query(`CREATE INDEX "survey_answers_period" ON "survey_answers" ("agencyId", "answeredAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "survey_answers_question" ON "survey_answers" ("responseId", "questionKey") `);
    await queryRunner.query(`ALTER TABLE "surveys" ADD CONSTRAINT "FK_0ecc207b194bdc6e032567065b4" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "survey_invitations" ADD CONSTRAINT "FK_03af3a09eb46ed982ca4d5010a9" FOREIGN KEY ("surveyId") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "survey_responses" ADD CONSTRAINT "FK_ce01227f38da9eedae96f1f4c06" FOREIGN KEY ("surveyId") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "survey_answers" ADD CONSTRAINT "FK_3eed0aba24ced0c0a503db9a9cb" FOREIGN KEY ("responseId") REFERENCES "survey_responses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "survey_answers"`);
    await queryRunner.query(`DROP TABLE "survey_responses"`);
    await queryRunner.query(`DROP TABLE "survey_invitations"`);
    await queryRunner.query(`DROP TABLE "surveys"`);
    await queryRunner.query(`DROP TYPE "public"."survey_status"`);
    await queryRunner.query(`DROP TYPE "public"."survey_trigger"`);
  }
}
