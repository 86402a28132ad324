import { Module } from '@nestjs/common';
import { ChangeWriter } from './change-writer';
import { HouseholdService } from './household.service';
import { RecordQueryService } from './query.service';
import { ResidentService } from './resident.service';
import { SnapshotService } from './snapshot.service';

/** The unified record's services; the importing app provides the TypeORM DataSource. */
@Module({
  providers: [ChangeWriter, HouseholdService, ResidentService, RecordQueryService, SnapshotService],
  exports: [ChangeWriter, HouseholdService, ResidentService, RecordQueryService, SnapshotService],
})
export class RecordModule {}
