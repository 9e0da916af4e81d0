import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './base';
import { Client } from './client.entity';
import { CurrencyCode } from './enums';

/**
 * What the agency spent to win clients (ads, pitch, presale work): one row per outlay, exact, in its
 * own currency. With a client, it is that client's; without one, it is the cost of its calendar
 * month (spentOn), shared equally among the clients acquired (created) in that month.
 */
@Entity('acquisition_costs')
@Index('acquisition_costs_client', ['agencyId', 'clientId'])
export class AcquisitionCost extends TenantOwned {
  @Column('uuid', { nullable: true })
  clientId: string | null;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clientId' })
  client?: Client | null;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ type: 'enum', enum: CurrencyCode, enumName: 'currency_code' })
  currency: CurrencyCode;

  @Column({ type: 'date' })
  spentOn: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  actorId: string | null;
}
