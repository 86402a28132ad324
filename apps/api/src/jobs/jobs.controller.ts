import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { Actor } from '@hub/record';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/roles.decorator';
import { ConsoleJobs } from './console-jobs.service';

/** A long job's state and progress, for the console's progress bar. */
@ApiTags('后台任务')
@ApiBearerAuth()
@Roles('it_operator', 'admin')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: ConsoleJobs) {}

  /** Imports every department's records, resolves and promotes them, in the worker; follow it here by id. */
  @Post('import')
  @HttpCode(202)
  importAll(@CurrentActor() actor: Actor) {
    return this.jobs.importAll(actor);
  }

  /** Promotes the golden records into the unified record (go-live; repeatable), in the worker. */
  @Post('promote')
  @HttpCode(202)
  promote(@CurrentActor() actor: Actor) {
    return this.jobs.promote(actor);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.jobs.get(id);
  }
}
