import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users get a phone (E.164), so that a client can reach its account manager from the portal. */

export class UserPhone1795397211513 implements MigrationInterface {
    name = 'UserPhone1795397211513'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" ADD "phone" character varying(20)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "phone"`);
    }

}
