import { loadHubConfig } from './hub-config';

describe('department settings', () => {
  it('reads addresses, credentials, rates and the enabled systems once, over the simulator defaults', () => {
    const departments = loadHubConfig({
      DEPARTMENT_URLS: JSON.stringify({ employment: 'https://rsj.example.cn' }),
      DEPARTMENT_CREDENTIALS: JSON.stringify({ employment: { password: 'issued-by-rsj' } }),
      RATE_LIMITS: JSON.stringify({ 'police-population': 3 }),
      ENABLED_SYSTEMS: 'statistics,employment',
      SIM_BASE_PORT: '4100',
      DEPARTMENTS_HOST: '10.0.0.5',
    }).departments();
    expect(departments.url('employment')).toBe('https://rsj.example.cn');
    // police-population is the first system: the simulator's port 4101.
    expect(departments.url('police-population')).toBe('http://10.0.0.5:4101');
    expect(departments.credentials('employment')).toEqual({ username: 'hub', password: 'issued-by-rsj' });
    expect(departments.ratePerSecond('police-population')).toBe(3);
    expect(departments.ratePerSecond('employment')).toBeUndefined();
    expect(departments.enabled).toEqual(['employment', 'statistics']);
    expect(departments.socialInsuranceWindow).toEqual({ start: '22:00', end: '06:00' });
    expect(departments.familyPlanningUrl).toBe('postgres://fp_hub:hub-fp-secret@127.0.0.1:5432/hub_sim_fp');
  });

  it('refuses to load, naming each setting and what is wrong with it', () => {
    const load = () =>
      loadHubConfig({
        DEPARTMENT_URLS: '{"employment": ',
        DEPARTMENT_CREDENTIALS: JSON.stringify({ polce: { token: 'x' }, disability: 'key' }),
        RATE_LIMITS: JSON.stringify({ 'grid-governance': 0 }),
        ENABLED_SYSTEMS: 'employment,weather',
      });
    expect(load).toThrow(/DEPARTMENT_URLS: 不是有效的 JSON/);
    expect(load).toThrow(/DEPARTMENT_CREDENTIALS: 未知的系统 "polce"/);
    expect(load).toThrow(/DEPARTMENT_CREDENTIALS: "disability" 的值格式不对/);
    expect(load).toThrow(/RATE_LIMITS: "grid-governance" 的值格式不对/);
    expect(load).toThrow(/ENABLED_SYSTEMS: 未知的系统 weather/);
  });
});
