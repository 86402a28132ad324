import { Module } from '@nestjs/common';
import { ChangeWriter } from './change-writer';
import { HouseholdService } from './household.service';
import { HouseholdRestructureService } from './household-restructure.service';
import { RecordQueryService } from './query.service';
import { ResidentService } from './resident.service';
import { SnapshotService } from './snapshot.service';
import { DepartmentChangeService } from './department-change.service';

/** The unified record's services; the importing app provides the TypeORM DataSource. */
@Module({
  providers: [
    ChangeWriter,
    HouseholdService,
    HouseholdRestructureService,
    ResidentService,
    RecordQueryService,
    SnapshotService,
    DepartmentChangeService,
  ],
  exports: [
    ChangeWriter,
    HouseholdService,
    HouseholdRestructureService,
    ResidentService,
    RecordQueryService,
    SnapshotService,
    DepartmentChangeService,
  ],
})
export class RecordModule {}
