import { makeCitizenId } from '@hub/domain';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import { presentSystems, type LedgerRow, type ViewOptions } from './delivery-view';

const row = (system: string, over: Partial<LedgerRow> = {}): LedgerRow => ({
  system,
  version: 2,
  status: 'confirmed',
  action: 'upsert',
  attempts: 1,
  error_kind: null,
  last_error: null,
  updated_at: new Date('2026-03-01T02:00:00Z'),
  ...over,
});
const worker: ViewOptions = {
  currentVersion: 2,
  seesCorrections: true,
  seesPersonalData: true,
  paused: new Set(),
};
const of = (entries: ReturnType<typeof presentSystems>, system: string) =>
  entries.find((e) => e.system === system);

describe(presentSystems.name, () => {
  it('answers all twelve systems in the spec’s order, not relevant where no row exists', () => {
    const sut = presentSystems([row('police-population')], worker);
    expect(sut.map((s) => s.system)).toEqual(DEPARTMENT_SYSTEMS.map((s) => s.slug));
    expect(sut[0]).toEqual({
      system: 'police-population',
      name: '公安局 实有人口管理系统',
      status: 'confirmed',
      version: 2,
      attempts: 1,
      error: null,
      errorKind: null,
      paused: false,
      fix: null,
      updatedAt: '2026-03-01T02:00:00.000Z',
    });
    expect(of(sut, 'statistics')).toMatchObject({ status: 'not_relevant', version: null, updatedAt: null });
  });

  it('keeps the department’s reason of a failure, and shows a department’s own change as origin', () => {
    const sut = presentSystems(
      [
        row('disability', { status: 'failed', last_error: '残疾人证号与身份证号不符' }),
        row('employment', { status: 'confirmed', action: 'origin', attempts: 0 }),
      ],
      worker,
    );
    expect(of(sut, 'disability')).toMatchObject({ status: 'failed', error: '残疾人证号与身份证号不符' });
    expect(of(sut, 'disability')?.fix).toMatchObject({ action: 'identity' });
    expect(of(sut, 'employment')?.fix).toBeNull();
    expect(of(sut, 'employment')?.status).toBe('origin');
  });

  it('reads a change not yet routed as pending in every system but the statistics platform', () => {
    const sut = presentSystems([row('police-population', { version: 1 })], { ...worker, currentVersion: 2 });
    expect(of(sut, 'police-population')).toMatchObject({ status: 'pending', version: 2, attempts: 0 });
    expect(of(sut, 'grid-governance')).toMatchObject({ status: 'pending', version: 2 });
    expect(of(sut, 'statistics')?.status).toBe('not_relevant');
    expect(
      presentSystems([], { ...worker, currentVersion: 1 }).filter((s) => s.status === 'pending'),
    ).toHaveLength(11);
  });

  it('hides the corrections system from whoever may not know who is under corrections', () => {
    const rows = [row('justice-corrections', { status: 'pending' })];
    expect(of(presentSystems(rows, worker), 'justice-corrections')?.status).toBe('pending');
    expect(
      of(presentSystems(rows, { ...worker, seesCorrections: false }), 'justice-corrections'),
    ).toMatchObject({
      status: 'not_relevant',
      version: null,
      attempts: 0,
    });
    expect(of(presentSystems([], { ...worker, seesCorrections: false }), 'justice-corrections')?.status).toBe(
      'not_relevant',
    );
  });

  it('masks ID numbers a department quotes, for who does not see personal data', () => {
    const id = makeCitizenId('320402', '1980-01-01', 1);
    const rows = [row('police-population', { status: 'failed', last_error: `公民身份号码${id}已登记` })];
    expect(of(presentSystems(rows, worker), 'police-population')?.error).toContain(id);
    expect(of(presentSystems(rows, { ...worker, seesPersonalData: false }), 'police-population')?.error).toBe(
      `公民身份号码320402********${id.slice(14)}已登记`,
    );
  });

  it('says which systems an operator has paused, and what kind of trouble a waiting row has', () => {
    const sut = presentSystems(
      [
        row('social-insurance', {
          status: 'pending',
          error_kind: 'scheduled',
          last_error: '该部门只在每天 22:00–06:00 接收上传',
        }),
        row('police-population', { status: 'pending' }),
      ],
      { ...worker, paused: new Set(['police-population']) },
    );
    expect(of(sut, 'social-insurance')).toMatchObject({
      status: 'pending',
      errorKind: 'scheduled',
      paused: false,
    });
    expect(of(sut, 'police-population')).toMatchObject({ status: 'pending', paused: true });
  });
});
