/**
 * @hub/domain: pure rules about residents — citizen ID numbers, national code tables, names,
 * phones and ages. Depends on nothing but `pinyin-pro`, so every app and library can use it.
 */
export * from './citizen-id/citizen-id';
export * from './codes';
export * from './person';
export * from './snapshot/subject-snapshot';
export * from './authority/field-authority';
