import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { HEAD_RELATIONS, RELATION_TO_HEAD } from '@hub/domain';
import type { FieldProblem } from '@hub/record';
import type { CrossChecked } from '../common/request-validation.pipe';
import {
  IsCitizenId,
  IsCode,
  IsPastDate,
  IsYuan,
  NormaliseCitizenId,
  NormaliseYuan,
  Trim,
} from '../common/validators';
import { ResidentDto } from '../residents/resident.dto';

export class AddressDto {
  @ApiProperty({ example: '青龙苑', description: '小区或路名门牌' })
  @Trim()
  @IsString({ message: '小区名称应填写文字' })
  @MinLength(1, { message: '请填写小区或路名' })
  @MaxLength(60, { message: '小区名称不能超过60个字' })
  estate: string;

  @ApiProperty({ example: '3', description: '幢' })
  @Trim()
  @IsString({ message: '楼幢号应填写文字' })
  @Matches(/^[0-9A-Za-z\u4e00-\u9fff-]{1,10}$/, { message: '楼幢号应为1-10位数字、字母或汉字' })
  building: string;

  @ApiPropertyOptional({ example: '2', description: '单元' })
  @IsOptional()
  @Trim()
  @IsString({ message: '单元号应填写文字' })
  @Matches(/^[0-9A-Za-z\u4e00-\u9fff-]{0,10}$/, { message: '单元号应为1-10位数字、字母或汉字' })
  unit?: string;

  @ApiProperty({ example: '501', description: '室' })
  @Trim()
  @IsString({ message: '房间号应填写文字' })
  @Matches(/^[0-9A-Za-z\u4e00-\u9fff-]{1,10}$/, { message: '房间号应为1-10位数字、字母或汉字' })
  room: string;

  @ApiPropertyOptional({ example: '320402001001001', description: '网格编码（15位）' })
  @IsOptional()
  @IsString({ message: '网格编码应填写文字' })
  @Matches(/^\d{15}$/, { message: '网格编码应为15位数字' })
  gridCode?: string;
}

export class AssistanceDto {
  @ApiProperty({ enum: ['dibao', 'dibao_edge', 'tekun'], description: '低保 / 低保边缘 / 特困' })
  @IsIn(['dibao', 'dibao_edge', 'tekun'], { message: '救助类别应为低保、低保边缘或特困' })
  type: 'dibao' | 'dibao_edge' | 'tekun';

  @ApiProperty({ example: '1200.00', description: '月救助金额（元）' })
  @NormaliseYuan()
  @IsYuan()
  amount: string;

  @ApiProperty({ example: '2026-03-01' })
  @IsPastDate('批准日期')
  approvedOn: string;
}

export class MemberDto extends ResidentDto {
  @ApiProperty({ example: '02', description: '与户主关系 GB/T 4761（户主填 02 或 01）' })
  @IsCode(RELATION_TO_HEAD, '与户主关系')
  relation: string;
}

export class RegisterHouseholdDto implements CrossChecked {
  @ApiPropertyOptional({ example: '320402123', description: '户号（9位，户口簿上）' })
  @IsOptional()
  @IsString({ message: '户号应填写文字' })
  @Matches(/^\d{9}$/, { message: '户号应为9位数字' })
  householdNo?: string;

  @ApiProperty({ enum: ['family', 'collective'], description: '家庭户 / 集体户' })
  @IsIn(['family', 'collective'], { message: '户别应为家庭户或集体户' })
  type: 'family' | 'collective';

  @ApiPropertyOptional({ description: '社区代码（12位）；社区工作人员可不填，默认本社区' })
  @IsOptional()
  @IsString({ message: '社区代码应填写文字' })
  @Matches(/^\d{12}$/, { message: '社区代码应为12位数字' })
  communityCode?: string;

  @ApiProperty({ type: AddressDto })
  @IsObject({ message: '请填写地址' })
  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;

  @ApiPropertyOptional({ type: AssistanceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssistanceDto)
  assistance?: AssistanceDto;

  @ApiPropertyOptional({ example: '2026-11-01', description: '入户日期，默认今天' })
  @IsOptional()
  @IsPastDate('入户日期')
  joinedOn?: string;

  @ApiProperty({ type: [MemberDto] })
  @IsArray({ message: '家庭成员应为列表' })
  @ArrayMinSize(1, { message: '至少登记一位家庭成员' })
  @ArrayMaxSize(30, { message: '一户最多登记30位成员' })
  @ValidateNested({ each: true })
  @Type(() => MemberDto)
  members: MemberDto[];

  crossCheck(): FieldProblem[] {
    if (!Array.isArray(this.members)) return [];
    const problems: FieldProblem[] = this.members.flatMap((m, i) =>
      m instanceof MemberDto ? m.crossCheck(`members[${i}].`) : [],
    );
    const heads = this.members
      .map((m, i) => ({ m, i }))
      .filter(({ m }) => m instanceof MemberDto && HEAD_RELATIONS.includes(m.relation));
    if (heads.length === 0) {
      problems.push({ field: 'members', message: '请指定一位户主（与户主关系填“户主”）' });
    }
    for (const { i } of heads.slice(1)) {
      problems.push({ field: `members[${i}].relation`, message: '一户只能有一位户主' });
    }
    const firstSeen = new Map<string, number>();
    this.members.forEach((m, i) => {
      const id = m instanceof MemberDto ? m.idNumber : undefined;
      if (typeof id !== 'string' || id === '') return;
      const earlier = firstSeen.get(id);
      if (earlier === undefined) firstSeen.set(id, i);
      else
        problems.push({
          field: `members[${i}].idNumber`,
          message: `与第${earlier + 1}位成员的公民身份号码重复`,
        });
    });
    return problems;
  }
}

export class MoveInDto {
  @ApiProperty({ description: '迁入人员的公民身份号码' })
  @NormaliseCitizenId()
  @IsCitizenId()
  idNumber: string;

  @ApiProperty({ example: '20' })
  @IsCode(RELATION_TO_HEAD, '与户主关系')
  relation: string;

  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @IsPastDate('迁入日期')
  date?: string;
}

export class BirthDto extends MemberDto {}
