import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The price basis: whether prices include VAT («в т.ч. НДС») or add it on top. Agencies default to
 * VAT_INCLUDED for new offers and contracts; existing proposals, contracts and invoices were priced
 * with VAT on top, so they keep VAT_ON_TOP (the column default of documents).
 */
export class PriceBasis1796300000000 implements MigrationInterface {
  name = 'PriceBasis1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."price_basis" AS ENUM('VAT_INCLUDED', 'VAT_ON_TOP')`);
    await queryRunner.query(`ALTER TABLE "agencies" ADD "priceBasis" "public"."price_basis" NOT NULL DEFAULT 'VAT_INCLUDED'`);
    await queryRunner.query(`ALTER TABLE "proposals" ADD "priceBasis" "public"."price_basis" NOT NULL DEFAULT 'VAT_ON_TOP'`);
    await queryRunner.query(`ALTER TABLE "contracts" ADD "priceBasis" "public"."price_basis" NOT NULL DEFAULT 'VAT_ON_TOP'`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "priceBasis" "public"."price_basis" NOT NULL DEFAULT 'VAT_ON_TOP'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "priceBasis"`);
    await queryRunner.query(`ALTER TABLE "contracts" DROP COLUMN "priceBasis"`);
    await queryRunner.query(`ALTER TABLE "proposals" DROP COLUMN "priceBasis"`);
    await queryRunner.query(`ALTER TABLE "agencies" DROP COLUMN "priceBasis"`);
    await queryRunner.query(`DROP TYPE "public"."price_basis"`);
  }
}
