import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A background import keeps its file on its row only until the import ends (minutes at most), and
 * PostgreSQL compressed it on the way in: for a 2.5 MB file that was ~0.1 s of the request that
 * starts the import, and as much again when the worker read it back, for nothing. The file is now
 * stored out of line as it is (EXTERNAL: no compression). Rows already there keep their form.
 */
export class ImportFilesUncompressed1797000000300 implements MigrationInterface {
  name = 'ImportFilesUncompressed1797000000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_imports" ALTER COLUMN "content" SET STORAGE EXTERNAL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kpi_imports" ALTER COLUMN "content" SET STORAGE EXTENDED`);
  }
}
