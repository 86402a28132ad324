import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Roles } from '../auth/roles.decorator';
import { ConnectorsService } from './connectors.service';

const ERROR_KINDS = ['temporary', 'auth', 'refused', 'invalid'] as const;

export class ErrorKindQuery {
  @ApiPropertyOptional({ enum: ERROR_KINDS, description: '只处理这一类错误' })
  @IsOptional()
  @IsIn(ERROR_KINDS, { message: '错误类别应为 temporary、auth、refused 或 invalid' })
  errorKind?: (typeof ERROR_KINDS)[number];
}

/** The console's connector queues: watch, pause, resume, retry. IT operators and admins only. */
@ApiTags('部门接口')
@ApiBearerAuth()
@Roles('it_operator', 'admin')
@Controller('connectors')
export class ConnectorsController {
  constructor(private readonly connectors: ConnectorsService) {}

  @Get()
  overview() {
    return this.connectors.overview();
  }

  @Get('holding')
  holding() {
    return this.connectors.holding();
  }

  @Get(':system/failures')
  failures(@Param('system') system: string, @Query() query: ErrorKindQuery) {
    return this.connectors.failures(system, query.errorKind);
  }

  @Post(':system/pause')
  @HttpCode(200)
  pause(@Param('system') system: string) {
    return this.connectors.setPaused(system, true);
  }

  @Post(':system/resume')
  @HttpCode(200)
  resume(@Param('system') system: string) {
    return this.connectors.setPaused(system, false);
  }

  /** Retries every failure of the system, or only those of one error kind. */
  @Post(':system/retry')
  @HttpCode(200)
  retryAll(@Param('system') system: string, @Query() query: ErrorKindQuery) {
    return this.connectors.retry(system, { errorKind: query.errorKind });
  }

  @Post(':system/deliveries/:id/retry')
  @HttpCode(200)
  retryOne(@Param('system') system: string, @Param('id') id: string) {
    if (!/^\d{1,18}$/.test(id)) return this.connectors.retry(system, { deliveryId: '0' });
    return this.connectors.retry(system, { deliveryId: id });
  }
}
