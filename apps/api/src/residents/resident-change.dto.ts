import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EMPLOYMENT_STATUS, LIVING_STATUS, MARITAL_STATUS, PENSION_STATUS } from '@hub/domain';
import { AddressDto } from '../households/household.dto';
import { IsCode, IsPastDate } from '../common/validators';
import { CorrectionsDto, DisabilityDto, ResidentDto } from './resident.dto';

/** Direct corrections of a person's data; statuses and life events have their own endpoints. */
export class ChangeResidentDto extends PartialType(
  OmitType(ResidentDto, ['disability', 'corrections'] as const),
) {
  @ApiPropertyOptional({ description: '修改前看到的版本号；若他人已修改则拒绝（409）' })
  @IsOptional()
  @IsInt({ message: '版本号应为整数' })
  @Min(1, { message: '版本号应为正整数' })
  expectedVersion?: number;

  @ApiPropertyOptional({
    description: '更正原因：更正姓名、公民身份号码、性别、出生日期或民族时必填，记入变更记录',
    example: '户口簿姓名为"张伟"，录入时误写',
  })
  @IsOptional()
  @IsString({ message: '更正原因应为文字' })
  @MaxLength(200, { message: '更正原因不能超过200个字' })
  reason?: string;
}

export class DateEventDto {
  @ApiProperty({ example: '2026-11-20' })
  @IsPastDate('日期')
  date: string;
}

export class AddressChangeDto {
  @ApiProperty({ type: AddressDto })
  @IsObject({ message: '请填写地址' })
  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;
}

export class MarriageDto {
  @ApiProperty({ example: '20', description: '新的婚姻状况 GB/T 2261.2（20已婚 30丧偶 40离婚…）' })
  @IsCode(MARITAL_STATUS, '婚姻状况')
  maritalStatus: string;

  @ApiPropertyOptional({ description: '配偶在本系统中的居民编号（同一管辖范围内）' })
  @IsOptional()
  @IsUUID('4', { message: '配偶编号格式不正确' })
  spouseId?: string;
}

export class LivingStatusDto {
  @ApiProperty({ enum: Object.keys(LIVING_STATUS) })
  @IsCode(LIVING_STATUS, '居住状况')
  status: string;
}

export class EmploymentStatusDto {
  @ApiProperty({ description: '1就业 2失业 3灵活就业 4退休 5在校学生' })
  @IsCode(EMPLOYMENT_STATUS, '就业状况')
  status: string;
}

export class PensionStatusDto {
  @ApiProperty({ enum: Object.keys(PENSION_STATUS) })
  @IsCode(PENSION_STATUS, '养老保险状态')
  status: string;
}

export { CorrectionsDto, DisabilityDto };

export const TAG_KINDS = ['disability', 'corrections', 'living', 'employment', 'pension'] as const;
