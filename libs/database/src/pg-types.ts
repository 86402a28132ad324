import { types } from 'pg';

/**
 * Calendar dates stay 'yyyy-MM-dd' strings: turning them into JS Dates would shift them across
 * the server's time zone, and a birth date must never move by a day.
 */
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value: string) => value);
