import { businessSerial } from './family-planning.connector';

describe(businessSerial.name, () => {
  it('is the same for a retried push of the same version, so the department ignores the repeat', () => {
    const subject = { id: '6f1c1a52-2b5e-4f51-9d7a-0c3a0d5e9a01', version: 3 };
    expect(businessSerial(subject, 'upsert')).toBe(businessSerial({ ...subject }, 'upsert'));
    expect(businessSerial(subject, 'upsert')).toMatch(/^HUB[0-9a-f]{29}$/);
  });

  it('differs between versions and between an update and an end', () => {
    const subject = { id: '6f1c1a52-2b5e-4f51-9d7a-0c3a0d5e9a01', version: 3 };
    const serials = new Set([
      businessSerial(subject, 'upsert'),
      businessSerial({ ...subject, version: 4 }, 'upsert'),
      businessSerial(subject, 'end'),
    ]);
    expect(serials.size).toBe(3);
  });
});
