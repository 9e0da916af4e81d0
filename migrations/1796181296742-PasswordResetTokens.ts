import { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time tokens to set a password: portal-user invitations and owner-issued resets (hashed). */

export class PasswordResetTokens1796181296742 implements MigrationInterface {
    name = 'PasswordResetTokens1796181296742'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."password_token_purpose" AS ENUM('INVITATION', 'RESET')`);
        await queryRunner.query(`CREATE TABLE "password_reset_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agencyId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "userId" uuid NOT NULL, "tokenHash" character(64) NOT NULL, "purpose" "public"."password_token_purpose" NOT NULL, "expiresAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "usedAt" TIMESTAMP(3) WITH TIME ZONE, "issuedById" uuid, CONSTRAINT "PK_d16bebd73e844c48bca50ff8d3d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_dd25a7a7af4cb20ea18e7a6a75" ON "password_reset_tokens" ("agencyId") `);
        await queryRunner.query(`CREATE INDEX "IDX_d6a19d4b4f6c62dcd29daa497e" ON "password_reset_tokens" ("userId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "password_reset_tokens_hash_unique" ON "password_reset_tokens" ("tokenHash") `);
        await queryRunner.query(`ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "FK_d6a19d4b4f6c62dcd29daa497e2" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "password_reset_tokens" DROP CONSTRAINT "FK_d6a19d4b4f6c62dcd29daa497e2"`);
        await queryRunner.query(`DROP INDEX "public"."password_reset_tokens_hash_unique"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d6a19d4b4f6c62dcd29daa497e"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_dd25a7a7af4cb20ea18e7a6a75"`);
        await queryRunner.query(`DROP TABLE "password_reset_tokens"`);
        await queryRunner.query(`DROP TYPE "public"."password_token_purpose"`);
    }

}
