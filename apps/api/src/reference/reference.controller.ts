import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CODE_TABLES, codeEntries } from '@hub/domain';
import { scopeCondition, type Actor } from '@hub/record';
import { CurrentActor, Public } from '../auth/roles.decorator';

@ApiTags('基础数据')
@Controller()
export class ReferenceController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Public()
  @Get('health')
  async health() {
    await this.db.query('SELECT 1');
    return { status: 'ok' };
  }

  /** The national and hub code tables, for the entry form's drop-downs. */
  @Public()
  @Get('codes')
  codes() {
    return Object.fromEntries(Object.entries(CODE_TABLES).map(([name, table]) => [name, codeEntries(table)]));
  }

  /** The communities the caller may work in, with their grid cells. */
  @ApiBearerAuth()
  @Get('communities')
  communities(@CurrentActor() actor: Actor) {
    const params: unknown[] = [];
    return this.db.query(
      `SELECT c.code, c.name, s.code AS "streetCode", s.name AS "streetName", d.code AS "districtCode", d.name AS "districtName",
              COALESCE((SELECT json_agg(json_build_object('code', g.code, 'name', g.name) ORDER BY g.code)
                          FROM grid_cell g WHERE g.community_code = c.code), '[]') AS grids
         FROM community c JOIN street s ON s.code = c.street_code JOIN district d ON d.code = s.district_code
        WHERE ${scopeCondition(actor, 'c.code', params)} ORDER BY c.code`,
      params,
    );
  }
}
