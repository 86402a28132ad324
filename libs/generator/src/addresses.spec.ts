import { addressKey } from '../../../apps/simulator/src/departments/grid-governance/grid-governance.validation';
import { DwellingAllocator, dwellingText, fullAddress } from './addresses';
import { communityQuotas } from './geography';
import { Random } from './random';

describe(DwellingAllocator.name, () => {
  const [{ community }] = communityQuotas(1000);

  it('never hands out a flat twice', () => {
    const dwellings = new DwellingAllocator(community, new Random(1));
    const texts = Array.from({ length: 2000 }, () => dwellingText(dwellings.next()));
    expect(new Set(texts).size).toBe(2000);
  });

  it('writes a flat three ways that the grid platform reads as one', () => {
    const flat = new DwellingAllocator(community, new Random(2)).next();
    const written = (['zhuang', 'dash', 'dong'] as const).map((style) => dwellingText(flat, style));
    expect(written[0]).toMatch(/\d+幢\d+单元\d+室$/);
    expect(written[1]).toMatch(/\d+-\d+-\d+$/);
    expect(written[2]).toMatch(/\d+栋\d+单元\d+$/);
    expect(new Set(written.map(addressKey)).size).toBe(1);
    expect(fullAddress(flat)).toBe(`常州市${community.districtName}${community.streetName}${written[0]}`);
  });
});

describe(communityQuotas.name, () => {
  it('shares the people out exactly, over all districts once the city is large enough', () => {
    const quotas = communityQuotas(100_000);
    expect(quotas.reduce((sum, q) => sum + q.people, 0)).toBe(100_000);
    expect(new Set(quotas.map((q) => q.community.districtCode)).size).toBe(6);
    expect(communityQuotas(1_000_000)).toHaveLength(859);
  });
});
