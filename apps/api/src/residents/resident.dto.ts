import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import {
  disabilityCertificateProblem,
  CORRECTIONS_TYPE,
  DISABILITY_GRADE,
  DISABILITY_TYPE,
  EDUCATION,
  EMPLOYMENT_STATUS,
  ETHNICITY,
  GENDER,
  LIVING_STATUS,
  MARITAL_STATUS,
  PENSION_STATUS,
  POLITICAL_STATUS,
} from '@hub/domain';
import {
  AgreesWithIdNumber,
  IsCitizenId,
  IsCode,
  IsPastDate,
  IsPersonName,
  IsPhone,
  NormaliseCitizenId,
  NormaliseName,
  NormalisePhone,
  Trim,
} from '../common/validators';
import type { FieldProblem } from '@hub/record';
import type { CrossChecked } from '../common/request-validation.pipe';

export class DisabilityDto {
  @ApiProperty({
    example: '4',
    description: '残疾类别 GB/T 26341：1视力 2听力 3言语 4肢体 5智力 6精神 7多重',
  })
  @IsCode(DISABILITY_TYPE, '残疾类别')
  type: string;

  @ApiProperty({ example: '2', description: '残疾等级 1-4' })
  @IsCode(DISABILITY_GRADE, '残疾等级')
  grade: string;

  @ApiPropertyOptional({ description: '第二代残疾人证号（20位）；不填则按身份证号+类别+等级生成' })
  @IsOptional()
  @Trim()
  @IsString({ message: '残疾人证号应填写文字' })
  @MaxLength(20, { message: '残疾人证号不能超过20位' })
  certificateNo?: string;
}

export class CorrectionsDto {
  @ApiProperty({ example: '2', description: '矫正类别：1管制 2缓刑 3假释 4暂予监外执行' })
  @IsCode(CORRECTIONS_TYPE, '矫正类别')
  type: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsPastDate('矫正开始日期')
  start: string;

  @ApiProperty({ example: '2027-12-31' })
  @IsPastDate('矫正结束日期', { allowFuture: true })
  end: string;
}

/** The fields of a person a worker enters; shared by new households, new members and births. */
export class ResidentDto implements CrossChecked {
  @ApiPropertyOptional({ example: '320402198001011234', description: '公民身份号码（18位，旧15位自动升位）' })
  @IsOptional()
  @NormaliseCitizenId()
  @IsCitizenId()
  idNumber?: string;

  @ApiProperty({ example: '张伟' })
  @NormaliseName()
  @IsPersonName()
  name: string;

  @ApiProperty({ example: '1', description: '性别 GB/T 2261.1：1男 2女' })
  @IsCode(GENDER, '性别')
  @AgreesWithIdNumber('gender')
  gender: string;

  @ApiProperty({ example: '01', description: '民族 GB/T 3304' })
  @IsCode(ETHNICITY, '民族')
  ethnicity: string;

  @ApiProperty({ example: '1980-01-01' })
  @IsPastDate('出生日期')
  @AgreesWithIdNumber('birthDate')
  birthDate: string;

  @ApiPropertyOptional({ description: '户籍地址' })
  @IsOptional()
  @Trim()
  @IsString({ message: '户籍地址应填写文字' })
  @MaxLength(200, { message: '户籍地址不能超过200个字' })
  registeredAddress?: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @NormalisePhone()
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ example: '20', description: '婚姻状况 GB/T 2261.2' })
  @IsOptional()
  @IsCode(MARITAL_STATUS, '婚姻状况')
  maritalStatus?: string;

  @ApiPropertyOptional({ example: '20', description: '文化程度 GB/T 4658' })
  @IsOptional()
  @IsCode(EDUCATION, '文化程度')
  education?: string;

  @ApiPropertyOptional({ example: '13', description: '政治面貌 GB/T 4762' })
  @IsOptional()
  @IsCode(POLITICAL_STATUS, '政治面貌')
  politicalStatus?: string;

  @ApiProperty({ enum: ['registered', 'floating', 'overseas'], description: '户籍 / 流动 / 境外' })
  @IsIn(['registered', 'floating', 'overseas'], { message: '人员类别应为户籍、流动或境外' })
  registrationType: 'registered' | 'floating' | 'overseas';

  @ApiPropertyOptional({ enum: Object.keys(LIVING_STATUS) })
  @IsOptional()
  @IsCode(LIVING_STATUS, '居住状况')
  livingStatus?: string;

  @ApiPropertyOptional({ description: '就业状况：1就业 2失业 3灵活就业 4退休 5在校学生' })
  @IsOptional()
  @IsCode(EMPLOYMENT_STATUS, '就业状况')
  employmentStatus?: string;

  @ApiPropertyOptional({ enum: Object.keys(PENSION_STATUS) })
  @IsOptional()
  @IsCode(PENSION_STATUS, '养老保险状态')
  pensionStatus?: string;

  @ApiPropertyOptional({ type: DisabilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DisabilityDto)
  disability?: DisabilityDto;

  @ApiPropertyOptional({ type: CorrectionsDto, description: '仅限有社区矫正权限的用户' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CorrectionsDto)
  corrections?: CorrectionsDto;

  /** Checks across this person's fields; `path` prefixes the field names (`members[1].`). */
  crossCheck(path = ''): FieldProblem[] {
    if (!(this.disability instanceof DisabilityDto)) return [];
    const problem = disabilityCertificateProblem(this.idNumber, this.disability);
    return problem ? [{ field: `${path}disability.certificateNo`, message: problem }] : [];
  }
}
