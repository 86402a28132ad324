import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ReviewPageQuery } from '../reviews/review-page.query';

export const FINDING_STATUSES = ['open', 'confirmed', 'corrected'] as const;

/** A page of the worklist, open findings by default. */
export class FindingPageQuery extends ReviewPageQuery {
  @ApiPropertyOptional({ enum: FINDING_STATUSES, default: 'open', description: '待处理、已确认或已更正' })
  @IsOptional()
  @IsIn(FINDING_STATUSES, { message: '状态应为待处理(open)、已确认(confirmed)或已更正(corrected)' })
  status?: (typeof FINDING_STATUSES)[number];

  @ApiPropertyOptional({
    example: 'phone',
    description: '核对的项目（phone、name、address、holding:<系统>…）',
  })
  @IsOptional()
  @IsString({ message: '核对项目应填写文字' })
  @MaxLength(40, { message: '核对项目过长' })
  field?: string;

  @ApiPropertyOptional({ description: '只看某位居民的核对项' })
  @IsOptional()
  @IsUUID('all', { message: '居民编号格式不正确' })
  residentId?: string;
}

export class CorrectFindingDto {
  @ApiProperty({ example: '13912345678', description: '更正后的值（与居民信息中该项的填写要求相同）' })
  @IsString({ message: '更正的值应填写文字' })
  @MaxLength(200, { message: '更正的值过长' })
  value: string;
}
