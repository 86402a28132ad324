import type { ResidentSnapshot } from '@hub/domain';
import { deliveryAction } from './delivery-action';
import type { SystemLink } from '@hub/ledger';

const living = { type: 'resident', lifeStatus: 'alive', residenceStatus: 'present' } as ResidentSnapshot;
const dead = { ...living, lifeStatus: 'deceased' } as ResidentSnapshot;
const link = (over: Partial<SystemLink>): SystemLink => ({
  externalId: 'X1',
  deliveredVersion: 1,
  present: true,
  disputed: false,
  ...over,
});

describe('deliveryAction', () => {
  it('follows the rule: covered → upsert, held but no longer covered → end, neither → nothing', () => {
    expect(deliveryAction(living, true, null, false)).toBe('upsert');
    expect(deliveryAction(living, false, link({}), true)).toBe('end');
    expect(deliveryAction(living, false, null, false)).toBe('none');
  });

  it('a link disputed at go-live keeps what the department holds: update what it has, create nothing', () => {
    expect(deliveryAction(living, false, link({ disputed: true }), true)).toBe('upsert');
    expect(
      deliveryAction(living, true, link({ disputed: true, present: false, externalId: null }), false),
    ).toBe('none');
  });

  it('a death ends a disputed record all the same', () => {
    expect(deliveryAction(dead, false, link({ disputed: true }), true)).toBe('end');
  });
});
