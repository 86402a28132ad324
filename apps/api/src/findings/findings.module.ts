import { Module } from '@nestjs/common';
import { ResolutionModule } from '@hub/resolution';
import { FindingsController } from './findings.controller';

/** The go-live worklist over HTTP. */
@Module({ imports: [ResolutionModule], controllers: [FindingsController] })
export class FindingsModule {}
