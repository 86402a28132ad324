import { familyOfFour } from '../support/households';
import { eventually, registerHousehold, startHub, type Hub, type Rec } from './harness';

const INSURANCE = 'social-insurance';
const POLICE = 'police-population';

/** An upload window that is closed now: it opens in two hours and lasts one, Beijing time. */
function closedWindow(): string {
  const beijing = new Date(Date.now() + 8 * 3600_000);
  const at = (hours: number) => `${String((beijing.getUTCHours() + hours) % 24).padStart(2, '0')}:00`;
  return `${at(2)}-${at(3)}`;
}

/**
 * What waits is explained, not shown as a failure: outside social insurance's upload window the
 * hub attempts nothing (no attempt counted) and says when it will send; a queue an operator
 * paused says so on the worker's panel.
 */
describe('The delivery panel says why something waits', () => {
  let hub: Hub;
  let residentId: string;
  const window = closedWindow();

  beforeAll(async () => {
    hub = await startHub('waiting', { SOCIAL_INSURANCE_WINDOW: window });
    const paused = await hub.h.http
      .post(`/api/connectors/${POLICE}/pause`)
      .auth(hub.h.tokens.operator, { type: 'bearer' });
    if (paused.status !== 200) throw new Error(`pause answered ${paused.status}`);
    residentId = (await registerHousehold(hub.h, familyOfFour())).members[0].id;
  });
  afterAll(() => hub?.close());

  const systems = async (): Promise<Record<string, Rec>> => {
    const res = await hub.h.http
      .get(`/api/residents/${residentId}/deliveries`)
      .auth(hub.h.tokens.worker, { type: 'bearer' });
    expect(res.status).toBe(200);
    return Object.fromEntries((res.body.systems as Rec[]).map((s) => [String(s.system), s]));
  };

  it('outside the upload window nothing is attempted, and the row says when it will be sent', async () => {
    const [start, end] = window.split('-');
    const shown = await eventually('the window noted', async () => {
      const insurance = (await systems())[INSURANCE];
      return insurance.errorKind === 'scheduled' ? insurance : undefined;
    });
    expect(shown).toMatchObject({ status: 'pending', attempts: 0 });
    expect(String(shown.error)).toContain(`${start}–${end}`);
    const [row]: Rec[] = await hub.h.db.query(
      `SELECT status, attempts FROM delivery WHERE system = $1 AND subject_id = $2`,
      [INSURANCE, residentId],
    );
    expect(row).toEqual({ status: 'pending', attempts: 0 });
    expect((await hub.sim.counters(INSURANCE)).calls).toBe(0);
  });

  it('a paused queue reads as paused on the panel, not as a failure', async () => {
    const police = (await systems())[POLICE];
    expect(police).toMatchObject({ paused: true });
    expect(['pending', 'sent']).toContain(police.status);
  });
});
