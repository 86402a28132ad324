import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { OverlapReportService } from '@hub/resolution';
import { Roles } from '../auth/roles.decorator';

/** How much the departments' records overlap, and what entering once saves: counts only. */
@ApiTags('统一人员档案')
@ApiBearerAuth()
@Roles('admin', 'it_operator')
@Controller('resolution')
export class ResolutionReportController {
  constructor(private readonly overlap: OverlapReportService) {}

  @Get('report')
  report() {
    return this.overlap.report();
  }
}
