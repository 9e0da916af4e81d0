import { MigrationInterface, QueryRunner } from 'typeorm';

/** Money flow: requisites, gapless counters, contracts with schedules and approvals, invoices, payments, idempotency keys, acts; one primary contact per client. */

export class Money1795390357665 implements MigrationInterface {
    name = 'Money1795390357665'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."contract_status" AS ENUM('DRAFT', 'ON_APPROVAL', 'SIGNED', 'COMPLETED', 'TERMINATED')`);
        await queryRunner.query(`CREATE TABLE "contracts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "dealId" uuid, "proposalId" uuid, "number" character varying(60), "contractDate" date NOT NULL, "subject" text NOT NULL, "amount" numeric(18,2) NOT NULL, "currency" "public"."currency_code" NOT NULL, "startsOn" date, "endsOn" date, "status" "public"."contract_status" NOT NULL DEFAULT 'DRAFT', "submittedAt" TIMESTAMP(3) WITH TIME ZONE, "signedOn" date, "signedByClient" character varying(200), "closedAt" TIMESTAMP(3) WITH TIME ZONE, "terminationReason" text, "corrections" jsonb NOT NULL DEFAULT '[]', "createdById" uuid, CONSTRAINT "PK_2c7b8f3a7b1acdd49497d83d0fb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_79f0202ce6b696049c7e434dfa" ON "contracts" ("agencyId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "contracts_number_unique" ON "contracts" ("agencyId", "number") WHERE "number" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "contracts_client" ON "contracts" ("agencyId", "clientId") `);
        await queryRunner.query(`CREATE TYPE "public"."payment_trigger" AS ENUM('ON_SIGNING', 'AFTER_DELIVERY', 'ON_DATE', 'MILESTONE')`);
        await queryRunner.query(`CREATE TABLE "contract_payment_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "contractId" uuid NOT NULL, "clientId" uuid NOT NULL, "position" integer NOT NULL, "label" character varying(200) NOT NULL, "trigger" "public"."payment_trigger" NOT NULL, "percent" numeric(7,4) NOT NULL, "amount" numeric(18,2) NOT NULL, "dueOn" date, "isPrepayment" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_2154db14b12dd2312a2bc0182a3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_f259a4e9a5817bac33e8bac44c" ON "contract_payment_items" ("agencyId") `);
        await queryRunner.query(`CREATE INDEX "contract_payment_items_contract" ON "contract_payment_items" ("agencyId", "contractId", "position") `);
        await queryRunner.query(`CREATE TYPE "public"."approval_decision" AS ENUM('PENDING', 'APPROVED', 'RETURNED')`);
        await queryRunner.query(`CREATE TABLE "contract_approvals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "contractId" uuid NOT NULL, "clientId" uuid NOT NULL, "round" integer NOT NULL DEFAULT '1', "approverName" character varying(200) NOT NULL, "approverPosition" character varying(200), "decision" "public"."approval_decision" NOT NULL DEFAULT 'PENDING', "comment" text, "decidedAt" TIMESTAMP(3) WITH TIME ZONE, "decidedById" uuid, CONSTRAINT "PK_aa7709b3580d7a810c95a43cc4e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_0d9c0d0a27c872b04cae3d1946" ON "contract_approvals" ("agencyId") `);
        await queryRunner.query(`CREATE INDEX "contract_approvals_contract" ON "contract_approvals" ("agencyId", "contractId") `);
        await queryRunner.query(`CREATE TYPE "public"."act_status" AS ENUM('DRAFT', 'ISSUED', 'SIGNED', 'DISPUTED')`);
        await queryRunner.query(`CREATE TABLE "acts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "contractId" uuid, "invoiceIds" uuid array NOT NULL DEFAULT '{}', "number" character varying(60), "actDate" date, "periodStart" date NOT NULL, "periodEnd" date NOT NULL, "currency" "public"."currency_code" NOT NULL, "status" "public"."act_status" NOT NULL DEFAULT 'DRAFT', "subtotal" numeric(18,2) NOT NULL DEFAULT '0', "vatTotal" numeric(18,2) NOT NULL DEFAULT '0', "total" numeric(18,2) NOT NULL DEFAULT '0', "issuedAt" TIMESTAMP(3) WITH TIME ZONE, "signedOn" date, "signedBy" character varying(200), "disputeReason" text, "disputedAt" TIMESTAMP(3) WITH TIME ZONE, "vatInvoiceNumber" character varying(60), "vatInvoiceDate" date, "createdById" uuid, CONSTRAINT "PK_e5c3aa0cbd9be1df7dcaaf15345" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_847189da5149d3416b849d6135" ON "acts" ("agencyId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "acts_number_unique" ON "acts" ("agencyId", "number") WHERE "number" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "acts_client" ON "acts" ("agencyId", "clientId") `);
        await queryRunner.query(`CREATE TABLE "act_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actId" uuid NOT NULL, "clientId" uuid NOT NULL, "position" integer NOT NULL, "description" text NOT NULL, "quantity" numeric(18,3) NOT NULL, "unit" character varying(20) NOT NULL DEFAULT 'усл.', "unitPrice" numeric(18,2) NOT NULL, "vatRate" numeric(5,2), "vatRateAuto" boolean NOT NULL DEFAULT false, "net" numeric(18,2) NOT NULL, "vat" numeric(18,2) NOT NULL, "gross" numeric(18,2) NOT NULL, CONSTRAINT "PK_e6d7565b48d77b1268d8f2022e7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_e884b2f32eb335eb5186a1b01e" ON "act_lines" ("agencyId") `);
        await queryRunner.query(`CREATE INDEX "act_lines_act" ON "act_lines" ("agencyId", "actId", "position") `);
        await queryRunner.query(`CREATE TABLE "agency_requisites" ("agencyId" uuid NOT NULL, "legalName" character varying(300), "inn" character varying(12), "kpp" character varying(9), "ogrn" character varying(15), "eik" character varying(13), "vatNumber" character varying(15), "address" character varying(500), "bankName" character varying(200), "bic" character varying(11), "settlementAccount" character varying(20), "correspondentAccount" character varying(20), "iban" character varying(34), "signatoryName" character varying(200), "signatoryPosition" character varying(200), "vatPayer" boolean NOT NULL DEFAULT true, "invoiceNumberPattern" character varying(60) NOT NULL DEFAULT '{YYYY}-{N:6}', "actNumberPattern" character varying(60) NOT NULL DEFAULT 'АКТ-{YYYY}-{N:6}', "contractNumberPattern" character varying(60) NOT NULL DEFAULT 'Д-{YYYY}-{N:4}', "actSignDays" integer NOT NULL DEFAULT '5', "approvalWaitDays" integer NOT NULL DEFAULT '3', "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a997522267a4390e2787b26b84b" PRIMARY KEY ("agencyId"))`);
        await queryRunner.query(`CREATE TYPE "public"."document_kind" AS ENUM('INVOICE', 'ACT', 'CONTRACT')`);
        await queryRunner.query(`CREATE TABLE "document_counters" ("agencyId" uuid NOT NULL, "kind" "public"."document_kind" NOT NULL, "period" integer NOT NULL, "lastNumber" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_fa7a90c899d159bb32d64f5c925" PRIMARY KEY ("agencyId", "kind", "period"))`);
        await queryRunner.query(`CREATE TYPE "public"."invoice_kind" AS ENUM('STANDARD', 'PREPAYMENT', 'FINAL')`);
        await queryRunner.query(`CREATE TYPE "public"."invoice_status" AS ENUM('DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'CANCELLED')`);
        await queryRunner.query(`CREATE TABLE "invoices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "contractId" uuid, "scheduleItemId" uuid, "kind" "public"."invoice_kind" NOT NULL DEFAULT 'STANDARD', "number" character varying(60), "status" "public"."invoice_status" NOT NULL DEFAULT 'DRAFT', "currency" "public"."currency_code" NOT NULL, "issueDate" date, "supplyDate" date, "dueDate" date NOT NULL, "subtotal" numeric(18,2) NOT NULL DEFAULT '0', "vatTotal" numeric(18,2) NOT NULL DEFAULT '0', "total" numeric(18,2) NOT NULL DEFAULT '0', "prepaymentDeducted" numeric(18,2) NOT NULL DEFAULT '0', "amountDue" numeric(18,2) NOT NULL DEFAULT '0', "paidAmount" numeric(18,2) NOT NULL DEFAULT '0', "notes" text, "issuedAt" TIMESTAMP(3) WITH TIME ZONE, "cancelledAt" TIMESTAMP(3) WITH TIME ZONE, "cancelReason" text, "replacesInvoiceId" uuid, "createdById" uuid, CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_45a530583d2dc83ae3dc2f0618" ON "invoices" ("agencyId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "invoices_number_unique" ON "invoices" ("agencyId", "number") WHERE "number" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "invoices_status_due" ON "invoices" ("agencyId", "status", "dueDate") `);
        await queryRunner.query(`CREATE INDEX "invoices_client" ON "invoices" ("agencyId", "clientId") `);
        await queryRunner.query(`CREATE TABLE "invoice_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "invoiceId" uuid NOT NULL, "clientId" uuid NOT NULL, "position" integer NOT NULL, "description" text NOT NULL, "quantity" numeric(18,3) NOT NULL, "unit" character varying(20) NOT NULL DEFAULT 'усл.', "unitPrice" numeric(18,2) NOT NULL, "vatRate" numeric(5,2), "vatRateAuto" boolean NOT NULL DEFAULT false, "net" numeric(18,2) NOT NULL, "vat" numeric(18,2) NOT NULL, "gross" numeric(18,2) NOT NULL, CONSTRAINT "PK_3d18eb48142b916f581f0c21a65" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a94f47f93988ef91f82d041e97" ON "invoice_lines" ("agencyId") `);
        await queryRunner.query(`CREATE INDEX "invoice_lines_invoice" ON "invoice_lines" ("agencyId", "invoiceId", "position") `);
        await queryRunner.query(`CREATE TYPE "public"."payment_kind" AS ENUM('PAYMENT', 'REFUND')`);
        await queryRunner.query(`CREATE TYPE "public"."payment_method" AS ENUM('BANK_TRANSFER', 'CARD', 'CASH', 'OTHER')`);
        await queryRunner.query(`CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "invoiceId" uuid NOT NULL, "clientId" uuid NOT NULL, "kind" "public"."payment_kind" NOT NULL DEFAULT 'PAYMENT', "amount" numeric(18,2) NOT NULL, "paidAt" date NOT NULL, "method" "public"."payment_method" NOT NULL DEFAULT 'BANK_TRANSFER', "reference" character varying(200), "refundOfId" uuid, "note" text, "actorId" uuid, CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c396a9dc2a84eca4e33f0f4d86" ON "payments" ("agencyId") `);
        await queryRunner.query(`CREATE INDEX "payments_invoice" ON "payments" ("agencyId", "invoiceId") `);
        await queryRunner.query(`CREATE TABLE "idempotency_keys" ("agencyId" uuid NOT NULL, "key" character varying(200) NOT NULL, "operation" character varying(60) NOT NULL, "requestHash" character varying(64) NOT NULL, "result" jsonb NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0bc2d708cad65959b08b3f37099" PRIMARY KEY ("agencyId", "key"))`);
        // before the index: if a race ever left two primary contacts, keep the latest one
        await queryRunner.query(`UPDATE "contacts" c SET "isPrimary" = false WHERE c."isPrimary" AND c."archivedAt" IS NULL AND EXISTS (SELECT 1 FROM "contacts" o WHERE o."clientId" = c."clientId" AND o."isPrimary" AND o."archivedAt" IS NULL AND (o."updatedAt", o.id) > (c."updatedAt", c.id))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "contacts_one_primary" ON "contacts" ("clientId") WHERE "isPrimary" AND "archivedAt" IS NULL`);
        await queryRunner.query(`ALTER TABLE "contracts" ADD CONSTRAINT "FK_62a5163bebb9d95e503b01c0fb0" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contracts" ADD CONSTRAINT "FK_eecd1906c39f115ec075fa47237" FOREIGN KEY ("dealId") REFERENCES "deals"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contracts" ADD CONSTRAINT "FK_0f2fa5ebcda2e3167c8ef21a32c" FOREIGN KEY ("proposalId") REFERENCES "proposals"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contract_payment_items" ADD CONSTRAINT "FK_05eae8f6652a5a9f38cb4f3c364" FOREIGN KEY ("contractId") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contract_approvals" ADD CONSTRAINT "FK_2412c91210f000c390dc41baaa6" FOREIGN KEY ("contractId") REFERENCES "contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "acts" ADD CONSTRAINT "FK_80e0f67d7832a374d90c25e2728" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "acts" ADD CONSTRAINT "FK_72a114eea5b72ff7043858ab22e" FOREIGN KEY ("contractId") REFERENCES "contracts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "act_lines" ADD CONSTRAINT "FK_5db4bb9336cd7c2c32384a25390" FOREIGN KEY ("actId") REFERENCES "acts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agency_requisites" ADD CONSTRAINT "FK_a997522267a4390e2787b26b84b" FOREIGN KEY ("agencyId") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invoices" ADD CONSTRAINT "FK_d9df936180710f9968da7cf4a51" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invoices" ADD CONSTRAINT "FK_42d017ec6c4a79ea33cbe9dbfba" FOREIGN KEY ("contractId") REFERENCES "contracts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invoices" ADD CONSTRAINT "FK_76d8f08d126b50347a1c360bae7" FOREIGN KEY ("scheduleItemId") REFERENCES "contract_payment_items"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invoice_lines" ADD CONSTRAINT "FK_9f57f31e620fe759b452feb776e" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "payments" ADD CONSTRAINT "FK_43d19956aeab008b49e0804c145" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_43d19956aeab008b49e0804c145"`);
        await queryRunner.query(`ALTER TABLE "invoice_lines" DROP CONSTRAINT "FK_9f57f31e620fe759b452feb776e"`);
        await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "FK_76d8f08d126b50347a1c360bae7"`);
        await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "FK_42d017ec6c4a79ea33cbe9dbfba"`);
        await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "FK_d9df936180710f9968da7cf4a51"`);
        await queryRunner.query(`ALTER TABLE "agency_requisites" DROP CONSTRAINT "FK_a997522267a4390e2787b26b84b"`);
        await queryRunner.query(`ALTER TABLE "act_lines" DROP CONSTRAINT "FK_5db4bb9336cd7c2c32384a25390"`);
        await queryRunner.query(`ALTER TABLE "acts" DROP CONSTRAINT "FK_72a114eea5b72ff7043858ab22e"`);
        await queryRunner.query(`ALTER TABLE "acts" DROP CONSTRAINT "FK_80e0f67d7832a374d90c25e2728"`);
        await queryRunner.query(`ALTER TABLE "contract_approvals" DROP CONSTRAINT "FK_2412c91210f000c390dc41baaa6"`);
        await queryRunner.query(`ALTER TABLE "contract_payment_items" DROP CONSTRAINT "FK_05eae8f6652a5a9f38cb4f3c364"`);
        await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_0f2fa5ebcda2e3167c8ef21a32c"`);
        await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_eecd1906c39f115ec075fa47237"`);
        await queryRunner.query(`ALTER TABLE "contracts" DROP CONSTRAINT "FK_62a5163bebb9d95e503b01c0fb0"`);
        await queryRunner.query(`DROP INDEX "public"."contacts_one_primary"`);
        await queryRunner.query(`DROP TABLE "idempotency_keys"`);
        await queryRunner.query(`DROP INDEX "public"."payments_invoice"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c396a9dc2a84eca4e33f0f4d86"`);
        await queryRunner.query(`DROP TABLE "payments"`);
        await queryRunner.query(`DROP INDEX "public"."invoice_lines_invoice"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a94f47f93988ef91f82d041e97"`);
        await queryRunner.query(`DROP TABLE "invoice_lines"`);
        await queryRunner.query(`DROP INDEX "public"."invoices_client"`);
        await queryRunner.query(`DROP INDEX "public"."invoices_status_due"`);
        await queryRunner.query(`DROP INDEX "public"."invoices_number_unique"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_45a530583d2dc83ae3dc2f0618"`);
        await queryRunner.query(`DROP TABLE "invoices"`);
        await queryRunner.query(`DROP TABLE "document_counters"`);
        await queryRunner.query(`DROP TABLE "agency_requisites"`);
        await queryRunner.query(`DROP INDEX "public"."act_lines_act"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e884b2f32eb335eb5186a1b01e"`);
        await queryRunner.query(`DROP TABLE "act_lines"`);
        await queryRunner.query(`DROP INDEX "public"."acts_client"`);
        await queryRunner.query(`DROP INDEX "public"."acts_number_unique"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_847189da5149d3416b849d6135"`);
        await queryRunner.query(`DROP TABLE "acts"`);
        await queryRunner.query(`DROP INDEX "public"."contract_approvals_contract"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0d9c0d0a27c872b04cae3d1946"`);
        await queryRunner.query(`DROP TABLE "contract_approvals"`);
        await queryRunner.query(`DROP INDEX "public"."contract_payment_items_contract"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_f259a4e9a5817bac33e8bac44c"`);
        await queryRunner.query(`DROP TABLE "contract_payment_items"`);
        await queryRunner.query(`DROP INDEX "public"."contracts_client"`);
        await queryRunner.query(`DROP INDEX "public"."contracts_number_unique"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_79f0202ce6b696049c7e434dfa"`);
        await queryRunner.query(`DROP TABLE "contracts"`);
        await queryRunner.query(`DROP TYPE "public"."payment_method"`);
        await queryRunner.query(`DROP TYPE "public"."payment_kind"`);
        await queryRunner.query(`DROP TYPE "public"."invoice_status"`);
        await queryRunner.query(`DROP TYPE "public"."invoice_kind"`);
        await queryRunner.query(`DROP TYPE "public"."document_kind"`);
        await queryRunner.query(`DROP TYPE "public"."act_status"`);
        await queryRunner.query(`DROP TYPE "public"."approval_decision"`);
        await queryRunner.query(`DROP TYPE "public"."payment_trigger"`);
        await queryRunner.query(`DROP TYPE "public"."contract_status"`);
    }

}
