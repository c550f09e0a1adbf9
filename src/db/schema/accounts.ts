import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { forces } from './organisation.ts';

export const userStatuses = ['pending', 'active', 'disabled'] as const;

/**
 * Sign-in accounts. Small and read on every request, so it is a reference table under Citus.
 * `person_id` links the account to the person record of its holder: that person's records are never
 * visible to them.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    personId: uuid('person_id'),
    passwordHash: text('password_hash'),
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The TOTP time step of the last code accepted: a code is good once, not for its whole window. */
    totpLastStep: integer('totp_last_step'),
    status: text('status', { enum: userStatuses }).notNull().default('pending'),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    /**
     * The OpenID Provider's stable subject (`sub`) for this account once it has signed in through single
     * sign-on (docs/sso.md); unique across forces, since accounts are global and so is the provider.
     */
    oidcSubject: text('oidc_subject').unique(),
    /** When the holder last completed sign-in (shown to administrators). */
    lastSignedInAt: timestamp('last_signed_in_at', { withTimezone: true }),
    /** E-mail notices one by one ('immediate') or once a day ('digest'); set-up links always go at once. */
    notificationDelivery: text('notification_delivery', { enum: ['immediate', 'digest'] })
      .notNull()
      .default('immediate'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_force_idx').on(t.forceId)],
);

/** One-time set-up links; only the SHA-256 of the token is stored. */
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessionStages = ['password', 'totp_enrol', 'full'] as const;

/** Server-side sessions; the cookie carries a random token whose SHA-256 is the key here. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    stage: text('stage', { enum: sessionStages }).notNull(),
    /** How the first factor was given: the password form or the OpenID Provider (single sign-on). */
    firstFactor: text('first_factor', { enum: ['password', 'oidc'] })
      .notNull()
      .default('password'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** API tokens: hashed at rest, revocable, acting as the user they belong to. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/**
 * Sign-in slow-down (features/auth/sign-in-throttle.ts): failed attempts counted per account, per trusted
 * browser and per client address within a window. The key is a hash (`account:<sha256 of the e-mail>`,
 * `device:<sha256 of the browser's token>`, `address:<sha256 of the address>`), never the address or the
 * e-mail itself, and exists for unknown e-mail addresses too, so a slow-down says nothing about who has an account.
 */
export const signInThrottles = pgTable('sign_in_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  /** No attempt under this key is checked before this moment (null: no wait). */
  notBefore: timestamp('not_before', { withTimezone: true }),
});

/**
 * Browsers that have completed sign-in for an account ("device cookies"): failures from such a browser are
 * counted under its own key, so a stranger's failures against the account never slow its holder down.
 * Only the SHA-256 of the cookie's token is stored.
 */
export const signInDevices = pgTable(
  'sign_in_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_devices_user_idx').on(t.userId)],
);
