import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import { Trim } from '../common/validators';
import type { MetricRange } from './metric-buckets';

const SLUGS = DEPARTMENT_SYSTEMS.map((s) => s.slug);

export class MetricsQuery {
  @ApiPropertyOptional({
    enum: ['hour', 'day'],
    default: 'hour',
    description: '最近一小时（每分钟）或最近一天（每15分钟）',
  })
  @IsOptional()
  @IsIn(['hour', 'day'], { message: '时间范围应为 hour（最近一小时）或 day（最近一天）' })
  range?: MetricRange;
}

export class DeliverySearchQuery {
  @ApiProperty({ description: '居民的公民身份号码或姓名（完全一致），或部门系统中的记录编号' })
  @Trim()
  @IsString({ message: '请输入身份证号、姓名或部门记录编号' })
  @MinLength(1, { message: '请输入身份证号、姓名或部门记录编号' })
  @MaxLength(64, { message: '查找内容不能超过64个字' })
  q: string;

  @ApiPropertyOptional({ enum: SLUGS, description: '只看这一个系统' })
  @IsOptional()
  @IsIn(SLUGS, { message: '没有这个部门系统' })
  system?: string;
}

export class ReconcileQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '发现差异后是否重新投递（修复）' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '应为 true 或 false' })
  repair?: 'true' | 'false';
}
