import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The VAT rate change on acts: an act line copied from an invoice keeps the rate and VAT the
 * invoice charged, and the act keeps the difference its own rate makes (an amount due, shown).
 */
export class ActVatDifference1796200000000 implements MigrationInterface {
  name = 'ActVatDifference1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "acts" ADD "vatDifference" numeric(18,2) NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "act_lines" ADD "invoicedVatRate" numeric(5,2)`);
    await queryRunner.query(`ALTER TABLE "act_lines" ADD "invoicedVat" numeric(18,2)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "act_lines" DROP COLUMN "invoicedVat"`);
    await queryRunner.query(`ALTER TABLE "act_lines" DROP COLUMN "invoicedVatRate"`);
    await queryRunner.query(`ALTER TABLE "acts" DROP COLUMN "vatDifference"`);
  }
}
