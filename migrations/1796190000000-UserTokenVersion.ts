import { MigrationInterface, QueryRunner } from 'typeorm';

/** A version on the user that its tokens carry: changing the password, a reset or a deactivation bumps it, which signs out every earlier session. */
export class UserTokenVersion1796190000000 implements MigrationInterface {
  name = 'UserTokenVersion1796190000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "tokenVersion" integer NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "tokenVersion"`);
  }
}
