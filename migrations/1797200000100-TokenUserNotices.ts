import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to what a bearer token stands for is told to every API node (NOTIFY on the channel
 * app_token_users, delivered at COMMIT): a user's role, client, active flag, token version (a
 * password change, a reset, a deactivation), language or agency, or the user's removal, with the
 * user's id; an agency's language, or its removal, as '*' (forget every user). Nodes keep token
 * users only while they hear these (src/auth/token-users.ts).
 */
export class TokenUserNotices1797200000100 implements MigrationInterface {
  name = 'TokenUserNotices1797200000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_token_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'users' THEN
          PERFORM pg_notify('app_token_users', OLD.id::text);
        ELSE
          PERFORM pg_notify('app_token_users', '*');
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER users_token_user_changed
        AFTER UPDATE OF "role", "clientId", "isActive", "tokenVersion", "locale", "agencyId" OR DELETE ON "users"
        FOR EACH ROW EXECUTE FUNCTION notify_token_user_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER agencies_token_user_changed
        AFTER UPDATE OF "locale" OR DELETE ON "agencies"
        FOR EACH ROW EXECUTE FUNCTION notify_token_user_changed()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "agencies_token_user_changed" ON "agencies"');
    await queryRunner.query('DROP TRIGGER "users_token_user_changed" ON "users"');
    await queryRunner.query('DROP FUNCTION notify_token_user_changed()');
  }
}
