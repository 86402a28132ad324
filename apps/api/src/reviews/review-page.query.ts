import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_REVIEW_PAGE = 20;

/** A page of the review queue; query strings arrive as text and become numbers here. */
export class ReviewPageQuery {
  @ApiPropertyOptional({ default: 0, description: '从第几条开始（0 为第一条）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '起始位置应为整数' })
  @Min(0, { message: '起始位置不能小于0' })
  // A bound keeps an absurd offset from reaching PostgreSQL as a number it cannot take.
  @Max(1_000_000, { message: '起始位置不能超过1000000' })
  offset?: number;

  @ApiPropertyOptional({ default: DEFAULT_REVIEW_PAGE, description: '每页条数，最多100' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数应为整数' })
  @Min(1, { message: '每页至少1条' })
  @Max(100, { message: '每页最多100条' })
  limit?: number;
}
