import { Cron } from 'croner';
import { z } from 'zod';

const CRON_MESSAGE = { message: 'a cron pattern such as */15 * * * * (minute hour day month weekday)' };

/** True when croner accepts the pattern (the scheduler's library: features/scheduler). */
function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/**
 * Every setting Probity reads from the environment, validated once at start-up.
 * A bad value stops the process with a message naming the variable, rather than surfacing later.
 */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  PROBITY_DATA_DIR: z.string().default('data'),
  PROBITY_AUTO_MIGRATE: z.enum(['0', '1']).optional(),
  PROBITY_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PROBITY_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  PROBITY_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** Failed sign-ins (password or code) per account, or per trusted browser, within the window before attempts slow down. */
  PROBITY_SIGNIN_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** Failed sign-ins from one client address (any accounts) within the window before its attempts slow down. */
  PROBITY_SIGNIN_ADDRESS_FAILURES: z.coerce.number().int().min(1).max(100_000).default(50),
  /** The window in which failures are counted; a quiet window starts the count again. */
  PROBITY_SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** The first wait once the failures are reached; it doubles with each further failure, up to the maximum. */
  PROBITY_SIGNIN_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  PROBITY_SIGNIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** How long a browser that completed sign-in stays trusted for its account (its own failure count). */
  PROBITY_SIGNIN_DEVICE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  PROBITY_SIGNIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  PROBITY_SETUP_LINK_HOURS: z.coerce.number().int().min(1).default(72),
  PROBITY_COOKIE_SECURE: z.enum(['0', '1']).optional(),
  /** The proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDR ranges. Empty: none. */
  PROBITY_TRUST_PROXY: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || v.split(',').every((a) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a.trim())), {
      message: 'a comma-separated list of proxy addresses or CIDR ranges, e.g. 10.0.0.5,10.0.1.0/24',
    }),
  /** A JSON file: { "periods": { "suspension_review": 21 }, "calendar": { "add": [...], "move": [...] } }. */
  PROBITY_RULES_FILE: z.string().optional(),
  /** How far the case list counts before it says "more than" (misconduct/list-cases.ts). */
  PROBITY_CASE_LIST_COUNT_LIMIT: z.coerce.number().int().min(25).max(1_000_000).default(1000),
  /** The largest evidence file accepted, in MiB. */
  PROBITY_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL cancels a statement of the server's pool running longer than this (ms). PGlite cannot (docs/performance.md). */
  PROBITY_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  /** A read request (GET, HEAD) starts no statement after this many ms; it answers 503 instead. */
  PROBITY_REQUEST_BUDGET_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  /** Requests working on the database at once; default 4 on the embedded database, the pool size on PostgreSQL. */
  PROBITY_ADMISSION_ACTIVE: z.coerce.number().int().min(1).max(1000).optional(),
  /** Requests waiting for their turn; one more is answered 503 with Retry-After at once. */
  PROBITY_ADMISSION_QUEUE: z.coerce.number().int().min(0).max(100_000).default(64),
  /** How long a request may wait for its turn (ms) before it is answered 503 with Retry-After. */
  PROBITY_ADMISSION_WAIT_MS: z.coerce.number().int().min(1).max(600_000).default(3000),
  /** The in-server scheduler (clock sweep, reminders, e-mail, digest): '0' leaves it to cron (`probity clocks sweep`). */
  PROBITY_SCHEDULER: z.enum(['0', '1']).default('1'),
  /** When the sweep runs (cron syntax, UK time); it also runs once at start-up. */
  PROBITY_SWEEP_CRON: z.string().trim().default('*/15 * * * *').refine(isCronPattern, CRON_MESSAGE),
  /** Seconds before a failed sweep is tried again, and how many tries one run gets. */
  PROBITY_SWEEP_RETRY_SECONDS: z.coerce.number().int().min(1).default(60),
  PROBITY_SWEEP_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** A name for this instance in job_runs (default host name and process id). */
  PROBITY_INSTANCE_ID: z.string().trim().min(1).optional(),
  /** SMTP server for e-mail, e.g. smtp://user:pass@mail.example:587 or smtps://…; unset: e-mail waits in the outbox. */
  PROBITY_SMTP_URL: z.string().url().optional(),
  PROBITY_MAIL_FROM: z.string().trim().min(3).default('Probity <probity@localhost>'),
  /** How often the outbox is delivered (seconds) and how many tries a message gets before it is marked failed. */
  PROBITY_OUTBOX_SECONDS: z.coerce.number().int().min(1).default(30),
  PROBITY_OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** When the daily digest goes (cron syntax, UK time). */
  PROBITY_DIGEST_CRON: z.string().trim().default('0 7 * * *').refine(isCronPattern, CRON_MESSAGE),
  /** Reminder points, in working days before a clock's due date ('0' = on the day), comma-separated. */
  PROBITY_REMINDER_WORKING_DAYS: z
    .string()
    .trim()
    .default('5,0')
    .refine((v) => v.split(',').every((d) => /^\d{1,3}$/.test(d.trim())), {
      message: 'a comma-separated list of whole numbers of working days, e.g. 5,0',
    }),
  /** Working days overdue after which the appropriate authority is told (local practice, not a regulation). */
  PROBITY_ESCALATION_WORKING_DAYS: z.coerce.number().int().min(1).max(250).default(5),
  /** The Ed25519 private key (PEM) that signs audit checkpoints: a file the database never holds. */
  PROBITY_AUDIT_SIGNING_KEY_FILE: z.string().optional(),
  /** The same key given as an environment secret (PEM text), instead of a file. */
  PROBITY_AUDIT_SIGNING_KEY: z.string().optional(),
  /** A file outside the database to which each signed audit checkpoint is appended as one JSON line. */
  PROBITY_AUDIT_CHECKPOINT_FILE: z.string().optional(),
  /** A syslog receiver (host:port, UDP, RFC 5424) that is sent each signed audit checkpoint. */
  PROBITY_AUDIT_CHECKPOINT_SYSLOG: z
    .string()
    .regex(/^[\w.-]+:\d{1,5}$/, 'host:port of a syslog receiver (UDP), e.g. logs.example:514')
    .optional(),
  /** The reporting master key (32 random bytes as base64) that wraps every anonymous report's key: a file the database never holds. */
  PROBITY_REPORTING_KEY_FILE: z.string().optional(),
  /** The same key given as an environment secret, instead of a file. */
  PROBITY_REPORTING_KEY: z.string().optional(),
  /** When the scheduler writes a signed audit checkpoint (cron syntax, UK time), if a key and a destination are set. */
  PROBITY_AUDIT_CHECKPOINT_CRON: z.string().trim().default('0 * * * *').refine(isCronPattern, CRON_MESSAGE),
  /** The bearer token a Prometheus scraper must send to read /metrics; without it /metrics is off (404). */
  PROBITY_METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** Single sign-on (features/auth, docs/sso.md): the OpenID Provider's issuer URL; unset, SSO is off. */
  PROBITY_OIDC_ISSUER: z.string().url().optional(),
  PROBITY_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  PROBITY_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** '1': an account with no subject yet is matched by the e-mail claim on its first single sign-on. */
  PROBITY_OIDC_MATCH_EMAIL: z.enum(['0', '1']).default('0'),
  /** The claim holding the e-mail address (Entra ID: 'email' as an optional claim, or 'preferred_username'). */
  PROBITY_OIDC_EMAIL_CLAIM: z.string().trim().min(1).default('email'),
  /** '0': staff (every role that needs a second factor) may sign in only through the provider. */
  PROBITY_OIDC_LOCAL_SIGN_IN: z.enum(['0', '1']).default('1'),
  /** `amr` values that count as multi-factor authentication at the provider (RFC 8176), comma-separated. */
  PROBITY_OIDC_MFA_AMR: z.string().trim().default('mfa,otp,hwk,sc,fido'),
  /** The claim listing the user's groups, and a JSON object group → Probity role; unset, roles are never mapped. */
  PROBITY_OIDC_GROUPS_CLAIM: z.string().trim().min(1).default('groups'),
  PROBITY_OIDC_GROUP_ROLES: z.string().optional(),
  /** The button's wording on the sign-in page. */
  PROBITY_OIDC_LABEL: z.string().trim().min(1).max(80).default('Sign in with your organisation'),
});

/** The environment once validated: what loadConfig derives the configuration from. */
export type Env = z.infer<typeof envSchema>;
