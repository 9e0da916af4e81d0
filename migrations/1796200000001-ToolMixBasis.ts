import { MigrationInterface, QueryRunner } from 'typeorm';

/** The agency chooses which view of the 70/20/10 mix gates sending a proposal: budget shares (default) or tool count. */
export class ToolMixBasis1796200000001 implements MigrationInterface {
  name = 'ToolMixBasis1796200000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."tool_mix_basis" AS ENUM('BUDGET_SHARE', 'TOOL_COUNT')`);
    await queryRunner.query(`ALTER TABLE "agencies" ADD "toolMixBasis" "public"."tool_mix_basis" NOT NULL DEFAULT 'BUDGET_SHARE'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agencies" DROP COLUMN "toolMixBasis"`);
    await queryRunner.query(`DROP TYPE "public"."tool_mix_basis"`);
  }
}
