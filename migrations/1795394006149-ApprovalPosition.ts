import { MigrationInterface, QueryRunner } from 'typeorm';

/** Approvers keep the order they were given in, within each approval round. */

export class ApprovalPosition1795394006149 implements MigrationInterface {
    name = 'ApprovalPosition1795394006149'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "contract_approvals" ADD "position" integer NOT NULL DEFAULT '0'`);
        // existing rounds: the order they were created in
        await queryRunner.query(
            `UPDATE "contract_approvals" a SET "position" = r.rn FROM (SELECT id, row_number() OVER (PARTITION BY "contractId", round ORDER BY "createdAt", id) AS rn FROM "contract_approvals") r WHERE r.id = a.id`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "contract_approvals" DROP COLUMN "position"`);
    }

}
