import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const ORGANISATION_TYPES = ['vcse', 'sme', 'large', 'public'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** A bidding organisation: voluntary/community/social enterprise, SME, large or public. */
@Entity('organisations')
export class Organisation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  type: OrganisationType;

  @CreateDateColumn()
  createdAt: Date;
}
