import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ConsoleJobs } from './console-jobs.service';

/** A long job's state and progress, for the console's progress bar. */
@ApiTags('后台任务')
@ApiBearerAuth()
@Roles('it_operator', 'admin')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: ConsoleJobs) {}

  @Get(':id')
  get(@Param('id') id: string) {
    return this.jobs.get(id);
  }
}
