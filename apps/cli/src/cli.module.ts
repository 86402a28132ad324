import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@hub/database';
import { DeliveryModule } from '@hub/delivery';
import { HubConfig } from '@hub/infra';
import { ResolutionModule } from '@hub/resolution';
import { ImportService, InboundMatcher, PromotionService } from '@hub/resolution/departments';
import { LoggerModule } from 'nestjs-pino';

/** What the operations commands need: the database, the connectors, the ledger and the queues. */
@Global()
@Module({})
export class CliModule {
  static forRoot(config: HubConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: 'warn' } }),
        TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, 4)),
        DeliveryModule.forRoot(config),
        ResolutionModule,
      ],
      providers: [{ provide: HubConfig, useValue: config }, ImportService, PromotionService, InboundMatcher],
      exports: [HubConfig],
    };
  }
}
