import { AgingServicesWriter } from './aging-services';
import { CivilAssistanceWriter } from './civil-assistance';
import { DisabilityWriter } from './disability';
import { EmploymentWriter } from './employment';
import { FamilyPlanningWriter } from './family-planning';
import { GridGovernanceWriter } from './grid-governance';
import { JusticeCorrectionsWriter } from './justice-corrections';
import { MilitiaConscriptionWriter } from './militia-conscription';
import { PolicePopulationWriter } from './police-population';
import { PublicHealthWriter } from './public-health';
import { SocialInsuranceWriter } from './social-insurance';
import type { SystemWriter, WriterContext } from './writer';

export type { SystemWriter, WriterContext } from './writer';

/** The eleven systems that hold persons (statistics holds none), in the spec's order. */
export function createWriters(ctx: WriterContext): SystemWriter[] {
  return [
    new PolicePopulationWriter(ctx),
    new CivilAssistanceWriter(ctx),
    new AgingServicesWriter(ctx),
    new FamilyPlanningWriter(ctx),
    new PublicHealthWriter(ctx),
    new EmploymentWriter(ctx),
    new SocialInsuranceWriter(ctx),
    new DisabilityWriter(ctx),
    new JusticeCorrectionsWriter(ctx),
    new MilitiaConscriptionWriter(ctx),
    new GridGovernanceWriter(ctx),
  ];
}
