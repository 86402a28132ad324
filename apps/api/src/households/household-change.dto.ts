import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { RELATION_TO_HEAD } from '@hub/domain';
import { IsCode, IsPastDate } from '../common/validators';
import { AddressDto } from './household.dto';

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

/** One person's place in the household being formed or joined. */
export class MemberRelationDto {
  @ApiProperty({ description: '成员（本户现有成员）' })
  @IsUUID('4', { message: '请选择成员' })
  residentId: string;

  @ApiProperty({ example: '20', description: '与（新）户主的关系 GB/T 4761；新户的户主填 02' })
  @IsCode(RELATION_TO_HEAD, '与户主关系')
  relation: string;
}

/** 分户: some members form a household of their own. */
export class SplitHouseholdDto {
  @ApiProperty({ type: [MemberRelationDto], description: '分出的成员及其与新户主的关系（其中一人为户主）' })
  @IsArray({ message: '请选择分出的成员' })
  @ArrayMinSize(1, { message: '请至少选择一位分出的成员' })
  @ArrayMaxSize(30, { message: '一次分出的成员不能超过30人' })
  @ValidateNested({ each: true })
  @Type(() => MemberRelationDto)
  members: MemberRelationDto[];

  @ApiPropertyOptional({ type: AddressDto, description: '新户地址；不填则与原户同址' })
  @IsOptional()
  @IsObject({ message: '地址格式不正确' })
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiProperty({ example: '2026-11-20' })
  @IsPastDate('分户日期')
  date: string;

  @ApiPropertyOptional({ example: '子女成家分户' })
  @IsOptional()
  @IsString({ message: '分户原因应填写文字' })
  @MaxLength(200, { message: '分户原因不能超过200个字' })
  reason?: string;
}

/** 合户: every member of another household of the community joins this one. */
export class MergeHouseholdDto {
  @ApiProperty({ description: '并入本户的户' })
  @IsUUID('4', { message: '请选择要并入的户' })
  fromHouseholdId: string;

  @ApiProperty({ type: [MemberRelationDto], description: '并入的每位成员与本户户主的关系' })
  @IsArray({ message: '请填写并入成员与户主的关系' })
  @ArrayMaxSize(30, { message: '并入成员不能超过30人' })
  @ValidateNested({ each: true })
  @Type(() => MemberRelationDto)
  relations: MemberRelationDto[];

  @ApiProperty({ example: '2026-11-20' })
  @IsPastDate('合户日期')
  date: string;

  @ApiPropertyOptional({ example: '老人随子女合户' })
  @IsOptional()
  @IsString({ message: '合户原因应填写文字' })
  @MaxLength(200, { message: '合户原因不能超过200个字' })
  reason?: string;
}
