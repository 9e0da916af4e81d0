import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1796700000900-RowLevelSecurity';

/**
 * A deployment that connects as a plain login role (a member of agency_app, no BYPASSRLS) works
 * sign-up with agency_app's rights: pending sign-ups are not tenant data (no agency yet), and only
 * the sign-up service reads them, before any agency's unit is entered.
 */
export class PendingSignUpsForLoginRole1796800000200 implements MigrationInterface {
  name = 'PendingSignUpsForLoginRole1796800000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "pending_signups" TO ${APP_ROLE}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE ALL ON TABLE "pending_signups" FROM ${APP_ROLE}`);
  }
}
