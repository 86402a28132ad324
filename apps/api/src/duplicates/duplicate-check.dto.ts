import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/**
 * What the entry form holds so far. Partial on purpose: the check runs while the worker types,
 * so only shape is checked here (the form's own validation comes at saving).
 */
export class DuplicateCheckDto {
  @ApiPropertyOptional({ example: '张伟' })
  @IsOptional()
  @IsString({ message: '姓名应为文字' })
  @MaxLength(50, { message: '姓名不能超过 50 个字' })
  name?: string;

  @ApiPropertyOptional({ example: '320402198001011234' })
  @IsOptional()
  @IsString({ message: '身份证号应为文字' })
  @MaxLength(20, { message: '身份证号不能超过 20 位' })
  idNumber?: string;

  @ApiPropertyOptional({ example: '1980-01-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '出生日期格式应为 年-月-日，例如 1980-01-01' })
  birthDate?: string;

  @ApiPropertyOptional({ example: '1', description: 'GB/T 2261.1: 1 男 2 女' })
  @IsOptional()
  @IsIn(['1', '2'], { message: '性别应为 1（男）或 2（女）' })
  gender?: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @IsString({ message: '联系电话应为文字' })
  @MaxLength(20, { message: '联系电话不能超过 20 位' })
  phone?: string;
}
