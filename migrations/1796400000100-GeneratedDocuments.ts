import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated documents (PDFs) with their bytes, versioned per agency, kind, source and locale; and
 * the discussion of a meeting, printed in its protocol.
 */
export class GeneratedDocuments1796400000100 implements MigrationInterface {
  name = 'GeneratedDocuments1796400000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."generated_document_kind" AS ENUM('MEETING_PROTOCOL', 'COMMERCIAL_OFFER', 'CONTRACT', 'INVOICE', 'ACT', 'VAT_INVOICE', 'SATISFACTION_FORM')`,
    );
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "clientId" uuid NOT NULL, "kind" "public"."generated_document_kind" NOT NULL, "sourceId" uuid NOT NULL, "version" integer NOT NULL, "locale" "public"."locale" NOT NULL, "number" character varying(60), "fileName" character varying(255) NOT NULL, "bytes" bytea NOT NULL, "byteSize" integer NOT NULL, "pageCount" integer NOT NULL, "sha256" character(64) NOT NULL, "modelSha256" character(64) NOT NULL, "immutable" boolean NOT NULL, "forClient" boolean NOT NULL DEFAULT true, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "createdById" uuid, CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    // a PDF's streams are already compressed: store them out of line without trying again
    await queryRunner.query(`ALTER TABLE "documents" ALTER COLUMN "bytes" SET STORAGE EXTERNAL`);
    await queryRunner.query(`CREATE INDEX "documents_created" ON "documents" ("agencyId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "documents_client" ON "documents" ("agencyId", "clientId", "createdAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "documents_version_unique" ON "documents" ("agencyId", "kind", "sourceId", "locale", "version") `);
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_d25850a33704227e018444f4e16" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "meetings" ADD "discussion" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meetings" DROP COLUMN "discussion"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_d25850a33704227e018444f4e16"`);
    await queryRunner.query(`DROP INDEX "public"."documents_version_unique"`);
    await queryRunner.query(`DROP INDEX "public"."documents_client"`);
    await queryRunner.query(`DROP INDEX "public"."documents_created"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP TYPE "public"."generated_document_kind"`);
  }
}
