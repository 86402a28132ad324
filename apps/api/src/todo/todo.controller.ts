import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hub/record';
import { CurrentActor, Roles, WRITERS } from '../auth/roles.decorator';
import { DeliveryIdPipe } from './delivery-id.pipe';
import { TodoService } from './todo.service';

/** 待办: a community worker's list of what to act on, and re-sending what a department refused. */
@ApiTags('待办')
@ApiBearerAuth()
@Roles(...WRITERS)
@Controller('todo')
export class TodoController {
  constructor(private readonly todo: TodoService) {}

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.todo.list(actor);
  }

  @Post('refused/:id/resend')
  @HttpCode(200)
  resend(@CurrentActor() actor: Actor, @Param('id', DeliveryIdPipe) id: string) {
    return this.todo.resend(actor, id);
  }
}
