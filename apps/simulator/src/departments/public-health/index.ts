import type { Department, SimContext } from '../../framework';
import { publicHealthApp } from './public-health.server';
import { PatientStore } from './public-health.storage';
import { FhirError, operationOutcome, FHIR_JSON, type Patient } from './public-health.types';
import { validatePatient } from './public-health.validation';

const stores = new WeakMap<SimContext, PatientStore>();
const storeOf = (ctx: SimContext): PatientStore => {
  const store = stores.get(ctx);
  if (!store) throw new Error('public-health: not initialised');
  return store;
};

/** Applies a change made at the clinic itself, through the same rules as an API update. */
async function clinicUpdate(ctx: SimContext, id: string, changes: Partial<Patient>): Promise<Patient> {
  const store = storeOf(ctx);
  const current = await store.get(id);
  if (!current) throw new FhirError(404, 'not-found', `健康档案 ${id} 不存在`);
  const { meta, ...content } = { ...current, ...changes, id };
  return store.update(id, validatePatient(content, ctx.now().toISOString().slice(0, 10)), meta.versionId);
}

/**
 * 卫生计生委 居民健康档案系统: FHIR R4 `Patient` over REST with a bearer API token.
 * Simulated clinic actions: `openArchive` (body: a Patient), `updateArchive` ({id, changes}),
 * `registerDeath` ({id}).
 */
export const publicHealth: Department = {
  slug: 'public-health',
  async init(ctx) {
    const store = new PatientStore(ctx);
    await store.init();
    stores.set(ctx, store);
  },
  handler: (ctx) => publicHealthApp(ctx, storeOf(ctx)),
  failure(res) {
    res.writeHead(503, { 'content-type': FHIR_JSON, 'retry-after': '1' });
    res.end(JSON.stringify(operationOutcome('transient', '系统繁忙，请稍后再试')));
  },
  async simulate(ctx, action, body) {
    const input = (body ?? {}) as { id?: string; changes?: Partial<Patient> } & Record<string, unknown>;
    try {
      switch (action) {
        case 'openArchive':
          return await storeOf(ctx).create(validatePatient(input, ctx.now().toISOString().slice(0, 10)));
        case 'updateArchive':
          return await clinicUpdate(ctx, String(input.id), input.changes ?? {});
        case 'registerDeath':
          return await clinicUpdate(ctx, String(input.id), { deceasedBoolean: true });
        default:
          throw new Error(`unknown action ${action} (openArchive, updateArchive, registerDeath)`);
      }
    } catch (error) {
      // The control endpoint answers 400 with this message.
      throw error instanceof FhirError ? new Error(error.message) : error;
    }
  },
  dump: (ctx) => storeOf(ctx).all(),
};
