import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * VAT regimes of the agency, dated like the rates (standard, Russian simplified tax without VAT or
 * at a reduced rate, Bulgarian supplier not registered for VAT), and the exemption wording an
 * invoice prints when its regime charges no VAT.
 */
export class VatRegimes1796300000201 implements MigrationInterface {
  name = 'VatRegimes1796300000201';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."vat_regime" AS ENUM('STANDARD', 'RU_USN_WITHOUT_VAT', 'RU_USN_REDUCED', 'BG_NOT_REGISTERED')`);
    await queryRunner.query(
      `CREATE TABLE "agency_vat_regimes" ("agencyId" uuid NOT NULL, "validFrom" date NOT NULL, "regime" "public"."vat_regime" NOT NULL, "rate" numeric(5,2), "exemptionNote" character varying(500), CONSTRAINT "PK_agency_vat_regimes" PRIMARY KEY ("agencyId", "validFrom"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_vat_regimes" ADD CONSTRAINT "FK_16c312a65c049a2fe495ffbcaef" FOREIGN KEY ("agencyId") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "invoices" ADD "vatExemptionNote" character varying(500)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "vatExemptionNote"`);
    await queryRunner.query(`ALTER TABLE "agency_vat_regimes" DROP CONSTRAINT "FK_16c312a65c049a2fe495ffbcaef"`);
    await queryRunner.query(`DROP TABLE "agency_vat_regimes"`);
    await queryRunner.query(`DROP TYPE "public"."vat_regime"`);
  }
}
