import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit notes (корректировочный документ / кредитно известие): their tables, their own number
 * series (document kind CREDIT_NOTE, the agency's pattern), the amount credited on each invoice,
 * and the invoice status CREDITED (closed by credit notes with nothing paid).
 */
export class CreditNotes1796300000100 implements MigrationInterface {
  name = 'CreditNotes1796300000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "credit_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "invoiceId" uuid NOT NULL, "contractId" uuid, "number" character varying(60), "currency" "public"."currency_code" NOT NULL, "issueDate" date NOT NULL, "reason" text NOT NULL, "subtotal" numeric(18,2) NOT NULL, "vatTotal" numeric(18,2) NOT NULL, "total" numeric(18,2) NOT NULL, "createdById" uuid, CONSTRAINT "PK_4933888a20b5469e119ad74b9e9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_be9ddf87dd5672c81e7addefd2" ON "credit_notes" ("agencyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "credit_notes_number_unique" ON "credit_notes" ("agencyId", "number") WHERE "number" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "credit_notes_invoice" ON "credit_notes" ("agencyId", "invoiceId") `);
    await queryRunner.query(`CREATE INDEX "credit_notes_client" ON "credit_notes" ("agencyId", "clientId") `);
    await queryRunner.query(`CREATE TABLE "credit_note_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "creditNoteId" uuid NOT NULL, "clientId" uuid NOT NULL, "invoiceLineId" uuid NOT NULL, "position" integer NOT NULL, "description" text NOT NULL, "vatRate" numeric(5,2), "net" numeric(18,2) NOT NULL, "vat" numeric(18,2) NOT NULL, "gross" numeric(18,2) NOT NULL, CONSTRAINT "PK_179cc6edb6a224ec408a8fc04a4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_77e4ec3c8fa6b881c45470db16" ON "credit_note_lines" ("agencyId") `);
    await queryRunner.query(`CREATE INDEX "credit_note_lines_invoice_line" ON "credit_note_lines" ("agencyId", "invoiceLineId") `);
    await queryRunner.query(`CREATE INDEX "credit_note_lines_note" ON "credit_note_lines" ("agencyId", "creditNoteId", "position") `);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "creditedAmount" numeric(18,2) NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "agency_requisites" ADD "creditNoteNumberPattern" character varying(60) NOT NULL DEFAULT 'КН-{YYYY}-{N:6}'`);
    // new enum values by recreating the types (ALTER TYPE … ADD VALUE cannot be used in the same transaction)
    await this.retypeInvoiceStatus(queryRunner, ['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'CANCELLED', 'CREDITED'], `"status"::"text"`);
    await this.retypeDocumentKind(queryRunner, ['INVOICE', 'ACT', 'CONTRACT', 'CREDIT_NOTE']);
    await queryRunner.query(`ALTER TABLE "credit_notes" ADD CONSTRAINT "FK_30977725411094d5aa0db3ec7ea" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_notes" ADD CONSTRAINT "FK_a85bd9f4e7e57d49f830f38b05d" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_note_lines" ADD CONSTRAINT "FK_2d541908ba7539ac0f7ff782554" FOREIGN KEY ("creditNoteId") REFERENCES "credit_notes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_note_lines" ADD CONSTRAINT "FK_68f46b975223ba7983307f0a34d" FOREIGN KEY ("invoiceLineId") REFERENCES "invoice_lines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "credit_note_lines" DROP CONSTRAINT "FK_68f46b975223ba7983307f0a34d"`);
    await queryRunner.query(`ALTER TABLE "credit_note_lines" DROP CONSTRAINT "FK_2d541908ba7539ac0f7ff782554"`);
    await queryRunner.query(`ALTER TABLE "credit_notes" DROP CONSTRAINT "FK_a85bd9f4e7e57d49f830f38b05d"`);
    await queryRunner.query(`ALTER TABLE "credit_notes" DROP CONSTRAINT "FK_30977725411094d5aa0db3ec7ea"`);
    // without credit notes a credited invoice can only read as cancelled; their counters go with them
    await queryRunner.query(`DELETE FROM "document_counters" WHERE "kind" = 'CREDIT_NOTE'`);
    await this.retypeDocumentKind(queryRunner, ['INVOICE', 'ACT', 'CONTRACT']);
    await this.retypeInvoiceStatus(
      queryRunner,
      ['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'CANCELLED'],
      `(CASE WHEN "status"::"text" = 'CREDITED' THEN 'CANCELLED' ELSE "status"::"text" END)`,
    );
    await queryRunner.query(`ALTER TABLE "agency_requisites" DROP COLUMN "creditNoteNumberPattern"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "creditedAmount"`);
    await queryRunner.query(`DROP INDEX "public"."credit_note_lines_note"`);
    await queryRunner.query(`DROP INDEX "public"."credit_note_lines_invoice_line"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_77e4ec3c8fa6b881c45470db16"`);
    await queryRunner.query(`DROP TABLE "credit_note_lines"`);
    await queryRunner.query(`DROP INDEX "public"."credit_notes_client"`);
    await queryRunner.query(`DROP INDEX "public"."credit_notes_invoice"`);
    await queryRunner.query(`DROP INDEX "public"."credit_notes_number_unique"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_be9ddf87dd5672c81e7addefd2"`);
    await queryRunner.query(`DROP TABLE "credit_notes"`);
  }

  private async retypeInvoiceStatus(queryRunner: QueryRunner, values: string[], using: string): Promise<void> {
    // the indexes on the status are rebuilt around the change of type
    await queryRunner.query(`DROP INDEX "public"."invoices_status_due"`);
    await queryRunner.query(`DROP INDEX "public"."invoices_schedule_item_live_unique"`);
    await queryRunner.query(`ALTER TYPE "public"."invoice_status" RENAME TO "invoice_status_old"`);
    await queryRunner.query(`CREATE TYPE "public"."invoice_status" AS ENUM(${values.map((v) => `'${v}'`).join(', ')})`);
    await queryRunner.query(`ALTER TABLE "invoices" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "invoices" ALTER COLUMN "status" TYPE "public"."invoice_status" USING ${using}::"public"."invoice_status"`);
    await queryRunner.query(`ALTER TABLE "invoices" ALTER COLUMN "status" SET DEFAULT 'DRAFT'`);
    await queryRunner.query(`DROP TYPE "public"."invoice_status_old"`);
    await queryRunner.query(`CREATE INDEX "invoices_status_due" ON "invoices" ("agencyId", "status", "dueDate") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "invoices_schedule_item_live_unique" ON "invoices" ("agencyId", "scheduleItemId") WHERE "scheduleItemId" IS NOT NULL AND "status" <> 'CANCELLED'`,
    );
  }

  private async retypeDocumentKind(queryRunner: QueryRunner, values: string[]): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."document_kind" RENAME TO "document_kind_old"`);
    await queryRunner.query(`CREATE TYPE "public"."document_kind" AS ENUM(${values.map((v) => `'${v}'`).join(', ')})`);
    await queryRunner.query(`ALTER TABLE "document_counters" ALTER COLUMN "kind" TYPE "public"."document_kind" USING "kind"::"text"::"public"."document_kind"`);
    await queryRunner.query(`DROP TYPE "public"."document_kind_old"`);
  }
}
