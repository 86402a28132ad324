import { Controller, Get, Module } from '@nestjs/common';

/** The twelve departmental systems of the spec; each gets its own server in a later issue. */
export const DEPARTMENTS = [
  'police-population',
  'civil-assistance',
  'aging-services',
  'family-planning',
  'public-health',
  'employment',
  'social-insurance',
  'disability',
  'justice-corrections',
  'militia-conscription',
  'grid-governance',
  'statistics',
] as const;

@Controller()
class SimulatorStatusController {
  @Get('health')
  health() {
    return { status: 'ok', departments: DEPARTMENTS.map((slug) => ({ slug, serving: false })) };
  }
}

@Module({ controllers: [SimulatorStatusController] })
export class SimulatorModule {}
