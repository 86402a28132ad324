import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CODE_TABLES, codeEntries } from '@hub/domain';
import type { Actor } from '@hub/record';
import { CurrentActor, Public } from '../auth/roles.decorator';
import { ReferenceRepository } from './reference.repository';

@ApiTags('基础数据')
@Controller()
export class ReferenceController {
  private readonly reference: ReferenceRepository;

  constructor(@InjectDataSource() db: DataSource) {
    this.reference = new ReferenceRepository(db);
  }

  @Public()
  @Get('health')
  async health() {
    await this.reference.ping();
    return { status: 'ok' };
  }

  /** The national and hub code tables, for the entry form's drop-downs. */
  @Public()
  @Get('codes')
  codes() {
    return Object.fromEntries(Object.entries(CODE_TABLES).map(([name, table]) => [name, codeEntries(table)]));
  }

  /** The communities the caller may work in, with their grid cells. */
  @ApiBearerAuth()
  @Get('communities')
  communities(@CurrentActor() actor: Actor) {
    return this.reference.communities(actor);
  }
}
