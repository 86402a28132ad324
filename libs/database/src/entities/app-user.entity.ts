import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const USER_ROLES = ['community_worker', 'street_supervisor', 'it_operator', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

@Entity({ name: 'app_user' })
export class AppUser {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) username: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash: string;
  @Column({ type: 'enum', enum: USER_ROLES, enumName: 'user_role' }) role: UserRole;
  @Column({ name: 'community_code', type: 'char', length: 12, nullable: true }) communityCode: string | null;
  @Column({ name: 'street_code', type: 'char', length: 9, nullable: true }) streetCode: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) permissions: string[];
  @Column({ name: 'failed_logins', type: 'integer', default: 0 }) failedLogins: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
