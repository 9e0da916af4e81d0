import { Column, Entity } from 'typeorm';

/** Remembers money mutations by the caller's idempotency key: same key + same input = same result. */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @Column({ type: 'uuid', primary: true })
  agencyId: string;

  @Column({ type: 'varchar', length: 200, primary: true })
  key: string;

  @Column({ length: 60 })
  operation: string;

  /** sha256 of the canonical input */
  @Column({ length: 64 })
  requestHash: string;

  /** what the first call produced (ids to re-read the result) */
  @Column({ type: 'jsonb' })
  result: Record<string, unknown>;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
