import { createSecretKey, randomUUID } from 'node:crypto';
import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions } from '@hub/database';
import { HubConfig, pinoOptions } from '@hub/infra';
import { RecordModule } from '@hub/record';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { HttpErrorFilter } from './common/http-error.filter';
import { jsonBodyMiddleware } from './common/json-body.middleware';
import { RequestValidationPipe } from './common/request-validation.pipe';
import { HouseholdsController } from './households/households.controller';
import { ReferenceController } from './reference/reference.controller';
import { ResidentsController } from './residents/residents.controller';
import { DuplicatesModule } from './duplicates/duplicates.module';
import { ReviewsModule } from './reviews/reviews.module';
import { FindingsModule } from './findings/findings.module';
import { ConfigModule } from './config.module';
import { ConsoleModule } from './console.module';
import { ConnectorQueues } from './connectors/connector-queues';
import { ConnectorsController } from './connectors/connectors.controller';
import { ConnectorsService } from './connectors/connectors.service';
import { TodoController } from './todo/todo.controller';
import { TodoRepository } from './todo/todo.repository';
import { TodoService } from './todo/todo.service';

const correlationId = (req: IncomingMessage): string => {
  const given = req.headers['x-correlation-id'];
  return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
};

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [HubConfig],
      useFactory: (config: HubConfig) => ({
        // Nest 11 route syntax; the library's default ('*') prints a legacy-route warning at start.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          ...pinoOptions(config, 'api'),
          genReqId: correlationId,
          autoLogging: config.LOG_LEVEL === 'debug',
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [HubConfig],
      useFactory: (config: HubConfig) => dataSourceOptions(config.DATABASE_URL, config.DB_POOL_SIZE),
    }),
    JwtModule.registerAsync({
      global: true,
      inject: [HubConfig],
      useFactory: (config: HubConfig) => ({
        // A KeyObject, not a string: jsonwebtoken otherwise first tries (and fails) to parse the
        // string as a public key on every verification, ~1 ms of CPU per request.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { expiresIn: config.JWT_TTL_SECONDS },
      }),
    }),
    ThrottlerModule.forRoot([{ ttl: 60_000, limit: 20 }]),
    RecordModule,
    ReviewsModule,
    FindingsModule,
    DuplicatesModule,
    ConsoleModule,
  ],
  controllers: [
    AuthController,
    HouseholdsController,
    ResidentsController,
    ReferenceController,
    ConnectorsController,
    TodoController,
  ],
  providers: [
    AuthService,
    ConnectorQueues,
    ConnectorsService,
    TodoRepository,
    TodoService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_PIPE, useClass: RequestValidationPipe },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
  ],
})
export class AppModule implements NestModule {
  constructor(private readonly config: HubConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(jsonBodyMiddleware(this.config.BODY_LIMIT)).forRoutes('{*path}');
  }
}
