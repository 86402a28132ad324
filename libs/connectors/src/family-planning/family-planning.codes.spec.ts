import { ConnectorError } from '../common';
import databaseErrors from './fixtures/not-ok/database-errors.json';
import rejectedRow from './fixtures/not-ok/rejected-row.json';
import unknownStateRow from './fixtures/not-ok/unknown-state-row.json';
import doneRow from './fixtures/ok/done-row.json';
import pendingRow from './fixtures/ok/pending-row.json';
import {
  asDatabaseError,
  isLostConnection,
  maritalStatusCode,
  processingState,
} from './family-planning.codes';

describe(processingState.name, () => {
  it('reads the documented states of a t_rk_in row', () => {
    expect(processingState(pendingRow.clzt)).toBe('pending');
    expect(processingState(doneRow.clzt)).toBe('done');
    expect(processingState(rejectedRow.clzt)).toBe('rejected');
    expect(processingState(null)).toBe('pending');
  });

  it('treats an undocumented state as our bug (invalid), not a retry', () => {
    expect(() => processingState(unknownStateRow.clzt)).toThrow(
      expect.objectContaining({ kind: 'invalid' }) as Error,
    );
  });
});

describe(asDatabaseError.name, () => {
  it.each(databaseErrors)('$code → $kind', ({ code, message, kind }) => {
    const error = asDatabaseError(Object.assign(new Error(message), { code }));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.kind).toBe(kind);
  });

  it('keeps a ConnectorError as it is', () => {
    const refused = ConnectorError.refused('x');
    expect(asDatabaseError(refused)).toBe(refused);
  });

  it('recognises a dropped connection, worth one retry on a new one', () => {
    expect(isLostConnection({ code: '57P01' })).toBe(true);
    expect(isLostConnection(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isLostConnection({ code: '23505' })).toBe(false);
  });
});

describe(maritalStatusCode.name, () => {
  it('passes GB/T 2261.2 codes unchanged and states unknown ones as 90', () => {
    expect(maritalStatusCode('21')).toBe('21');
    expect(maritalStatusCode(null)).toBe('90');
    expect(maritalStatusCode('toString')).toBe('90');
  });
});
