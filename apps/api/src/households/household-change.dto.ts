import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RELATION_TO_HEAD } from '@hub/domain';
import { IsCode, IsPastDate } from '../common/validators';

/** The whole household moves away in one action. */
export class HouseholdMoveOutDto {
  @ApiProperty({ example: '2026-11-20' })
  @IsPastDate('迁出日期')
  date: string;

  @ApiProperty({ example: '江苏省南京市鼓楼区', description: '迁往何处' })
  @IsString({ message: '迁往地应填写文字' })
  @MinLength(2, { message: '请填写迁往地（省市区或详细地址）' })
  @MaxLength(100, { message: '迁往地不能超过100个字' })
  destination: string;

  @ApiPropertyOptional({ example: '购房迁出' })
  @IsOptional()
  @IsString({ message: '迁出原因应填写文字' })
  @MaxLength(200, { message: '迁出原因不能超过200个字' })
  reason?: string;
}

/** A new 户主 for the household. */
export class ChangeHeadDto {
  @ApiProperty({ description: '新户主的居民编号（须为本户现有成员）' })
  @IsUUID('4', { message: '请选择本户的一位成员作为新户主' })
  residentId: string;

  @ApiPropertyOptional({ example: '10', description: '原户主仍在本户时，其与新户主的关系 GB/T 4761' })
  @IsOptional()
  @IsCode(RELATION_TO_HEAD, '原户主与新户主的关系')
  formerHeadRelation?: string;
}
