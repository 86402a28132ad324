import { Module } from '@nestjs/common';
import { ResolutionModule } from '@hub/resolution';
import { DuplicateCheckController } from './duplicate-check.controller';

/** The possible-duplicate check the entry form calls. */
@Module({ imports: [ResolutionModule], controllers: [DuplicateCheckController] })
export class DuplicatesModule {}
