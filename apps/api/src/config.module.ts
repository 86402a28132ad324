import { Global, Module } from '@nestjs/common';
import { HubConfig, loadHubConfig } from '@hub/infra';

@Global()
@Module({
  providers: [{ provide: HubConfig, useFactory: () => loadHubConfig() }],
  exports: [HubConfig],
})
export class ConfigModule {}
