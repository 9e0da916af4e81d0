import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Agency } from './agency.entity';
import { AgencyImageKind } from './enums';

/**
 * The agency's logo, stamp or signature as printed on its documents: one current image of each
 * kind (an upload replaces it). Checked on upload: PNG or JPEG, decodable, within the limits.
 */
@Entity('agency_images')
export class AgencyImage {
  @PrimaryColumn('uuid')
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agencyId' })
  agency?: Agency;

  @PrimaryColumn({ type: 'enum', enum: AgencyImageKind, enumName: 'agency_image_kind' })
  kind: AgencyImageKind;

  /** image/png or image/jpeg, from the file's own bytes */
  @Column({ length: 20 })
  mimeType: string;

  /** read only by the document builders (selected explicitly), never by lists */
  @Column({ type: 'bytea', select: false })
  bytes: Buffer;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  @Column({ type: 'int' })
  byteSize: number;

  /** hex SHA-256 of the bytes */
  @Column({ length: 64 })
  sha256: string;

  @Column({ type: 'timestamptz', precision: 3 })
  uploadedAt: Date;

  @Column('uuid', { nullable: true })
  uploadedById: string | null;
}
