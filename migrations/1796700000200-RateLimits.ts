import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters of rate-limiter-flexible's RateLimiterPostgres (login attempts, sign-ups), shared by
 * every API process through the database. Its own layout (key, points, expire in ms since the
 * epoch); the app passes `tableCreated: true`, so it never issues DDL itself. Unlogged: counters
 * that a crash forgets cost nothing, and they are written on every login.
 */
export class RateLimits1796700000200 implements MigrationInterface {
  name = 'RateLimits1796700000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNLOGGED TABLE "rate_limits" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT 0, "expire" bigint, CONSTRAINT "PK_rate_limits" PRIMARY KEY ("key"))`);
    // the limiter sweeps expired rows by this column every five minutes
    await queryRunner.query(`CREATE INDEX "rate_limits_expire" ON "rate_limits" ("expire")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limits"`);
  }
}
