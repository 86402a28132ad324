import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hub/record';
import { CurrentActor } from '../auth/roles.decorator';
import { RecordIdPipe } from '../common/id-param.pipe';
import { SubjectDeliveriesService } from './subject-deliveries.service';

/** Each department system's delivery state for a resident or a household: whoever may read it. */
@ApiTags('投递状态')
@ApiBearerAuth()
@Controller()
export class SubjectDeliveriesController {
  constructor(private readonly deliveries: SubjectDeliveriesService) {}

  @Get('residents/:id/deliveries')
  resident(@CurrentActor() actor: Actor, @Param('id', RecordIdPipe) id: string) {
    return this.deliveries.resident(actor, id);
  }

  @Get('households/:id/deliveries')
  household(@CurrentActor() actor: Actor, @Param('id', RecordIdPipe) id: string) {
    return this.deliveries.household(actor, id);
  }
}
