import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { prepareDatabase } from '@hub/database';
import { checkRedis, HubConfig, loadHubConfig, PreflightError } from '@hub/infra';
import { QUEUE_BOARD_PATH, QueueBoard } from './admin/queue-board';
import { AppModule } from './app.module';
import { webConsoleHandlers } from './web-console';

export async function createApi(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('社区数据中台 API')
      .setDescription('一次录入，多系统共享：居民、户、地址的统一档案')
      .setVersion('0.1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  // Plain Express handlers, registered before Nest adds its routes at init.
  app.use(QUEUE_BOARD_PATH, ...app.get(QueueBoard).handlers());
  const consoleHandlers = webConsoleHandlers();
  if (consoleHandlers.length > 0) app.use(...consoleHandlers);
  return app;
}

async function bootstrap(): Promise<void> {
  const config = loadHubConfig();
  try {
    await checkRedis(config.REDIS_URL);
    await prepareDatabase(config.DATABASE_URL);
  } catch (error) {
    if (error instanceof PreflightError) {
      console.error(`[api] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApi();
  await app.listen(app.get(HubConfig).PORT, '0.0.0.0');
  app.get(Logger).log(`api listening on :${config.PORT}`);
}

if (require.main === module) void bootstrap();
