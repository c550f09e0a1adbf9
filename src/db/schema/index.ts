export * from './organisation.ts';
export * from './people.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './cases.ts';
