import { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies (tenants), users with roles, clients and their contacts. */

export class Foundation1795388750004 implements MigrationInterface {
    name = 'Foundation1795388750004'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."locale" AS ENUM('ru', 'bg', 'en')`);
        await queryRunner.query(`CREATE TYPE "public"."currency_code" AS ENUM('RUB', 'EUR', 'BGN', 'USD')`);
        await queryRunner.query(`CREATE TABLE "agencies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "timeZone" character varying(64) NOT NULL DEFAULT 'Europe/Moscow', "locale" "public"."locale" NOT NULL DEFAULT 'ru', "defaultCurrency" "public"."currency_code" NOT NULL DEFAULT 'RUB', "country" character varying(2) NOT NULL DEFAULT 'RU', "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8ab1f1f53f56c8255b0d7e68b28" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('OWNER', 'MANAGER', 'CLIENT')`);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "email" character varying(254) NOT NULL, "passwordHash" character varying(200) NOT NULL, "fullName" character varying(200) NOT NULL DEFAULT '', "role" "public"."user_role" NOT NULL, "clientId" uuid, "locale" "public"."locale", "isActive" boolean NOT NULL DEFAULT true, "lastLoginAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "users_client_binding" CHECK (("role" = 'CLIENT') = ("clientId" IS NOT NULL)), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_184debc49e72b43579476cc6e7" ON "users" ("agencyId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "users_email_unique" ON "users" ("email") `);
        await queryRunner.query(`CREATE INDEX "IDX_6c3a73bbc9d8a8082816adc870" ON "users" ("clientId") `);
        await queryRunner.query(`CREATE TYPE "public"."company_size" AS ENUM('MICRO', 'SMALL', 'MEDIUM', 'LARGE', 'ENTERPRISE')`);
        await queryRunner.query(`CREATE TYPE "public"."brand_strength" AS ENUM('UNKNOWN', 'EMERGING', 'ESTABLISHED', 'LEADING')`);
        await queryRunner.query(`CREATE TYPE "public"."company_life_stage" AS ENUM('INFANCY', 'GROWTH', 'PRIME', 'STABILITY', 'ARISTOCRACY')`);
        await queryRunner.query(`CREATE TYPE "public"."lifecycle_stage" AS ENUM('ATTRACTION', 'INTEREST', 'EVALUATION', 'PURCHASE', 'LOYALTY')`);
        await queryRunner.query(`CREATE TABLE "clients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "legalName" character varying(300), "country" character varying(2), "inn" character varying(12), "kpp" character varying(9), "ogrn" character varying(15), "eik" character varying(13), "vatNumber" character varying(15), "address" character varying(500), "website" character varying(300), "industry" character varying(120), "companySize" "public"."company_size", "brandStrength" "public"."brand_strength", "companyLifeStage" "public"."company_life_stage", "advertisingBudget" numeric(18,2), "advertisingBudgetCurrency" "public"."currency_code", "lifecycleStage" "public"."lifecycle_stage" NOT NULL DEFAULT 'ATTRACTION', "terminatedAt" TIMESTAMP(3) WITH TIME ZONE, "terminationReason" character varying(1000), "ownerId" uuid, "notes" text, "archivedAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_f1ab7cf3a5714dbc6bb4e1c28a4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_24b4626ed7131b82ccdf89089c" ON "clients" ("agencyId") `);
        await queryRunner.query(`CREATE INDEX "IDX_17c0b2073ebd7875388fa98ab1" ON "clients" ("ownerId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "clients_agency_eik_unique" ON "clients" ("agencyId", "eik") WHERE "eik" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "clients_agency_inn_unique" ON "clients" ("agencyId", "inn") WHERE "inn" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "clients_agency_stage" ON "clients" ("agencyId", "lifecycleStage") `);
        await queryRunner.query(`CREATE INDEX "clients_agency_name" ON "clients" ("agencyId", "name") `);
        await queryRunner.query(`CREATE TYPE "public"."address_form" AS ENUM('FORMAL', 'INFORMAL')`);
        await queryRunner.query(`CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "clientId" uuid NOT NULL, "fullName" character varying(200) NOT NULL, "position" character varying(200), "email" character varying(254), "phone" character varying(32), "birthday" date, "salutation" character varying(200), "addressForm" "public"."address_form" NOT NULL DEFAULT 'FORMAL', "preferredChannels" character varying(16) array NOT NULL DEFAULT '{}', "isPrimary" boolean NOT NULL DEFAULT false, "notes" text, "archivedAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3f5095fdf782cd608a41bd0156" ON "contacts" ("agencyId") `);
        await queryRunner.query(`CREATE INDEX "contacts_agency_client" ON "contacts" ("agencyId", "clientId") `);
        await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_184debc49e72b43579476cc6e75" FOREIGN KEY ("agencyId") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_6c3a73bbc9d8a8082816adc870e" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "clients" ADD CONSTRAINT "FK_24b4626ed7131b82ccdf89089c9" FOREIGN KEY ("agencyId") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "clients" ADD CONSTRAINT "FK_17c0b2073ebd7875388fa98ab19" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contacts" ADD CONSTRAINT "FK_8039454fab552403d5579cf7423" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_8039454fab552403d5579cf7423"`);
        await queryRunner.query(`ALTER TABLE "clients" DROP CONSTRAINT "FK_17c0b2073ebd7875388fa98ab19"`);
        await queryRunner.query(`ALTER TABLE "clients" DROP CONSTRAINT "FK_24b4626ed7131b82ccdf89089c9"`);
        await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_6c3a73bbc9d8a8082816adc870e"`);
        await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_184debc49e72b43579476cc6e75"`);
        await queryRunner.query(`DROP INDEX "public"."contacts_agency_client"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3f5095fdf782cd608a41bd0156"`);
        await queryRunner.query(`DROP TABLE "contacts"`);
        await queryRunner.query(`DROP INDEX "public"."clients_agency_name"`);
        await queryRunner.query(`DROP INDEX "public"."clients_agency_stage"`);
        await queryRunner.query(`DROP INDEX "public"."clients_agency_inn_unique"`);
        await queryRunner.query(`DROP INDEX "public"."clients_agency_eik_unique"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_17c0b2073ebd7875388fa98ab1"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_24b4626ed7131b82ccdf89089c"`);
        await queryRunner.query(`DROP TABLE "clients"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6c3a73bbc9d8a8082816adc870"`);
        await queryRunner.query(`DROP INDEX "public"."users_email_unique"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_184debc49e72b43579476cc6e7"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP TABLE "agencies"`);
        await queryRunner.query(`DROP TYPE "public"."address_form"`);
        await queryRunner.query(`DROP TYPE "public"."lifecycle_stage"`);
        await queryRunner.query(`DROP TYPE "public"."currency_code"`);
        await queryRunner.query(`DROP TYPE "public"."company_life_stage"`);
        await queryRunner.query(`DROP TYPE "public"."brand_strength"`);
        await queryRunner.query(`DROP TYPE "public"."company_size"`);
        await queryRunner.query(`DROP TYPE "public"."locale"`);
        await queryRunner.query(`DROP TYPE "public"."user_role"`);
    }

}
