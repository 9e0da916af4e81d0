import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an agency puts on its documents besides its requisites: its logo, stamp and signature
 * (one current image of each kind) and its contract clause text per language, versioned.
 */
export class AgencyAssetsAndTemplates1796400000200 implements MigrationInterface {
  name = 'AgencyAssetsAndTemplates1796400000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."agency_image_kind" AS ENUM('LOGO', 'STAMP', 'SIGNATURE')`);
    await queryRunner.query(
      `CREATE TABLE "agency_images" ("agencyId" uuid NOT NULL, "kind" "public"."agency_image_kind" NOT NULL, "mimeType" character varying(20) NOT NULL, "bytes" bytea NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "byteSize" integer NOT NULL, "sha256" character varying(64) NOT NULL, "uploadedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "uploadedById" uuid, CONSTRAINT "PK_8c0c43f5e2bf5299458acbf8688" PRIMARY KEY ("agencyId", "kind"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_images" ADD CONSTRAINT "FK_b8a9e7295a04e207e598a747243" FOREIGN KEY ("agencyId") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "contract_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "locale" "public"."locale" NOT NULL, "version" integer NOT NULL, "body" text, "isDefault" boolean NOT NULL DEFAULT false, "note" character varying(500), "createdById" uuid, CONSTRAINT "contract_templates_body" CHECK ("isDefault" OR "body" IS NOT NULL), CONSTRAINT "PK_59af2fd9eadd293fe10fdb2c702" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f65920c4531c40d8108d8ebf91" ON "contract_templates" ("agencyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "contract_templates_version_unique" ON "contract_templates" ("agencyId", "locale", "version") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."contract_templates_version_unique"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f65920c4531c40d8108d8ebf91"`);
    await queryRunner.query(`DROP TABLE "contract_templates"`);
    await queryRunner.query(`ALTER TABLE "agency_images" DROP CONSTRAINT "FK_b8a9e7295a04e207e598a747243"`);
    await queryRunner.query(`DROP TABLE "agency_images"`);
    await queryRunner.query(`DROP TYPE "public"."agency_image_kind"`);
  }
}
