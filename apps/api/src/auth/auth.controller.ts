import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Actor } from '@hub/record';
import { AuthService } from './auth.service';
import { CurrentActor, Public } from './roles.decorator';

export class LoginDto {
  @ApiProperty({ example: 'worker' })
  @IsString({ message: '请填写用户名' })
  @MinLength(1, { message: '请填写用户名' })
  @MaxLength(64, { message: '用户名过长' })
  username: string;

  @ApiProperty({ example: 'Hub@2026' })
  @IsString({ message: '请填写密码' })
  @MinLength(1, { message: '请填写密码' })
  @MaxLength(128, { message: '密码过长' })
  password: string;
}

@ApiTags('登录')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto) {
    return this.auth.login(body.username, body.password);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    const { correlationId: _ignored, ...me } = actor;
    return me;
  }
}
