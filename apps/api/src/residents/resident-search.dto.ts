import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RESIDENT_LIST_TAGS, RESIDENT_SORTS, type ResidentListTag, type ResidentSort } from '@hub/record';

const TAG_NAMES =
  '低保(assistance)、残疾(disability)、失业(unemployed)、独居(living-alone)、社区矫正(corrections)';

/** The resident list: a search and the filters a community's lists need (高龄, 低保, 残疾 …). */
export class SearchQueryDto {
  @ApiPropertyOptional({
    description: '姓名、拼音首字母、身份证号开头或末尾几位、手机号、住址（如 幸福小区3幢）',
  })
  @IsOptional()
  @IsString({ message: '搜索内容应为文字' })
  @MaxLength(50, { message: '搜索内容不能超过50个字' })
  q?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为整数' })
  @Min(1, { message: '页码应从1开始' })
  @Max(100_000, { message: '页码过大' })
  page?: number;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数应为整数' })
  @Min(1, { message: '每页至少1条' })
  @Max(100, { message: '每页最多100条' })
  size?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: '是否包含已死亡或已迁出的居民' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '应为 true 或 false' })
  includeInactive?: 'true' | 'false';

  @ApiPropertyOptional({ description: '年龄下限（周岁，含）' })
  @IsOptional()
  @Type(() => Number)
  @Min(0, { message: '年龄不能小于0' })
  @Max(150, { message: '年龄不能大于150' })
  // Last, so checked first: "eighty" is reported as not a number, not as too large.
  @IsInt({ message: '年龄应为整数' })
  ageMin?: number;

  @ApiPropertyOptional({ description: '年龄上限（周岁，含）' })
  @IsOptional()
  @Type(() => Number)
  @Min(0, { message: '年龄不能小于0' })
  @Max(150, { message: '年龄不能大于150' })
  // Last, so checked first: "eighty" is reported as not a number, not as too large.
  @IsInt({ message: '年龄应为整数' })
  ageMax?: number;

  @ApiPropertyOptional({ enum: ['registered', 'floating', 'overseas'], description: '户籍、流动或境外人员' })
  @IsOptional()
  @IsIn(['registered', 'floating', 'overseas'], {
    message: '人员类别应为 户籍(registered)、流动(floating) 或 境外(overseas)',
  })
  registrationType?: 'registered' | 'floating' | 'overseas';

  @ApiPropertyOptional({ description: `逗号分隔，须同时满足：${TAG_NAMES}` })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : value,
  )
  @IsIn(RESIDENT_LIST_TAGS, { each: true, message: `人员标签应为 ${TAG_NAMES} 之一` })
  tags?: ResidentListTag[];

  @ApiPropertyOptional({ description: '现住址所在网格编码' })
  @IsOptional()
  @Matches(/^\d{12}\d{3}$/, { message: '网格编码应为15位数字' })
  grid?: string;

  @ApiPropertyOptional({ enum: RESIDENT_SORTS, description: '排序：姓名、年龄从大到小、年龄从小到大' })
  @IsOptional()
  @IsIn(RESIDENT_SORTS, { message: '排序应为 姓名(name)、年龄从大到小(age-desc) 或 年龄从小到大(age-asc)' })
  sort?: ResidentSort;
}
