import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RecordError, type Actor } from '@hub/record';
import { DuplicateCheckService } from '@hub/resolution';
import { CurrentActor, Roles, WRITERS } from '../auth/roles.decorator';
import { DuplicateCheckDto } from './duplicate-check.dto';

/**
 * The entry form's possible-duplicate warning: is the person being entered already known (in
 * any department's imported records)? Answers with links to the golden records, masked outside
 * the caller's community.
 */
@ApiTags('重复人员审核')
@ApiBearerAuth()
@Roles(...WRITERS)
@Controller('duplicate-check')
export class DuplicateCheckController {
  constructor(private readonly duplicates: DuplicateCheckService) {}

  @Post()
  @HttpCode(200)
  async check(@CurrentActor() actor: Actor, @Body() body: DuplicateCheckDto) {
    if (!body.name?.trim() && !body.idNumber?.trim()) {
      throw RecordError.invalid([{ field: 'name', message: '请至少填写姓名或身份证号' }]);
    }
    return { matches: await this.duplicates.check(body, actor) };
  }
}
