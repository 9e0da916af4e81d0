import { MigrationInterface, QueryRunner } from 'typeorm';

/** Commercial offers are numbered when first sent, in their own series (document kind PROPOSAL) and pattern. */
export class ProposalNumbers1796300000200 implements MigrationInterface {
  name = 'ProposalNumbers1796300000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."document_kind" ADD VALUE IF NOT EXISTS 'PROPOSAL'`);
    await queryRunner.query(`ALTER TABLE "proposals" ADD "number" character varying(60)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "proposals_number_unique" ON "proposals" ("agencyId", "number") WHERE "number" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "agency_requisites" ADD "proposalNumberPattern" character varying(60) NOT NULL DEFAULT 'КП-{YYYY}-{N:4}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency_requisites" DROP COLUMN "proposalNumberPattern"`);
    await queryRunner.query(`DROP INDEX "public"."proposals_number_unique"`);
    await queryRunner.query(`ALTER TABLE "proposals" DROP COLUMN "number"`);
    // PostgreSQL cannot drop an enum value: the type is rebuilt without it (the offer counters go with it)
    await queryRunner.query(`DELETE FROM "document_counters" WHERE "kind" = 'PROPOSAL'`);
    await queryRunner.query(`ALTER TYPE "public"."document_kind" RENAME TO "document_kind_old"`);
    await queryRunner.query(`CREATE TYPE "public"."document_kind" AS ENUM('INVOICE', 'ACT', 'CONTRACT', 'CREDIT_NOTE')`);
    await queryRunner.query(`ALTER TABLE "document_counters" ALTER COLUMN "kind" TYPE "public"."document_kind" USING "kind"::text::"public"."document_kind"`);
    await queryRunner.query(`DROP TYPE "public"."document_kind_old"`);
  }
}
