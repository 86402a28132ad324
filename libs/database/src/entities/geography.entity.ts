import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'district' })
export class District {
  @PrimaryColumn({ type: 'char', length: 6 }) code: string;
  @Column({ type: 'text' }) name: string;
}

@Entity({ name: 'street' })
export class Street {
  @PrimaryColumn({ type: 'char', length: 9 }) code: string;
  @Column({ name: 'district_code', type: 'char', length: 6 }) districtCode: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'enum', enum: ['street', 'town'], enumName: 'street_kind' }) kind: 'street' | 'town';
}

@Entity({ name: 'community' })
export class Community {
  @PrimaryColumn({ type: 'char', length: 12 }) code: string;
  @Column({ name: 'street_code', type: 'char', length: 9 }) streetCode: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'enum', enum: ['neighbourhood', 'village'], enumName: 'community_kind' })
  kind: 'neighbourhood' | 'village';
}

@Entity({ name: 'grid_cell' })
export class GridCell {
  @PrimaryColumn({ type: 'char', length: 15 }) code: string;
  @Column({ name: 'community_code', type: 'char', length: 12 }) communityCode: string;
  @Column({ type: 'text' }) name: string;
}
