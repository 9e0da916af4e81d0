import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1796700000900-RowLevelSecurity';

/**
 * Sign-ups waiting for their confirmation link (SIGNUP_CONFIRMATION=email). Not tenant data (no
 * agency exists yet): no agencyId, no row-level security, and no grant to agency_app (only the
 * work done before the agency is known reads it; it holds password hashes of people who have no
 * agency). Pruned once expired.
 */
export class PendingSignUps1796800000100 implements MigrationInterface {
  name = 'PendingSignUps1796800000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "pending_signups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "passwordHash" character varying(200) NOT NULL, "agency" jsonb NOT NULL, "locale" "public"."locale" NOT NULL, "tokenHash" character(64), "expiresAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "createdFrom" character varying(100) NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_28a985dd71e4b2b338c05ef0c30" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "pending_signups_token_unique" ON "pending_signups" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "pending_signups_expires" ON "pending_signups" ("expiresAt") `);
    // the default privileges of the row-level security migration grant every new table to the role
    await queryRunner.query(`REVOKE ALL ON TABLE "pending_signups" FROM ${APP_ROLE}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."pending_signups_expires"`);
    await queryRunner.query(`DROP INDEX "public"."pending_signups_token_unique"`);
    await queryRunner.query(`DROP TABLE "pending_signups"`);
  }
}
