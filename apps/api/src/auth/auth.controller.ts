import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Request, Response } from 'express';
import { HubConfig } from '@hub/infra';
import type { Actor } from '@hub/record';
import { clearTokenCookie, setTokenCookie } from './auth-cookie';
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
  constructor(
    private readonly auth: AuthService,
    private readonly config: HubConfig,
  ) {}

  /** Answers the token, and sets it as an httpOnly cookie too (for Bull Board, opened by navigating). */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const session = await this.auth.login(body.username, body.password);
    setTokenCookie(req, res, session.token, this.config.JWT_TTL_SECONDS);
    return session;
  }

  /** Forgets the cookie; works with an expired token too (the bearer token is the client's to drop). */
  @Public()
  @Post('logout')
  @HttpCode(200)
  logout(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    clearTokenCookie(req, res);
    return { loggedOut: true };
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    const { correlationId: _ignored, ...me } = actor;
    return me;
  }
}
