import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { defaultCalendarConfig, parseCalendarConfig, type CalendarConfig } from '../time/bank-holidays.ts';
import { resolvePeriods, type ResolvedPeriods } from '../time/periods.ts';
import { parseIntegrityRules, type IntegrityRules } from './integrity-rules.ts';
import { roles, type Role } from '../access/roles.ts';

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
const envSchema = z.object({
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

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  database: { engine: 'pglite'; dataDir: string } | { engine: 'pg'; url: string; poolSize: number };
  autoMigrate: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  /** The sign-in slow-down (features/auth/sign-in-throttle.ts): no hard lock a stranger could set off. */
  signInThrottle: SignInThrottleConfig;
  signInRatePerMinute: number;
  setupLinkHours: number;
  cookieSecure: boolean;
  /** Proxy addresses or CIDR ranges whose X-Forwarded-For gives the client's address; empty: trust none. */
  trustProxy: string[];
  /** The largest evidence file accepted, in bytes (PROBITY_MAX_UPLOAD_MB). */
  maxUploadBytes: number;
  /** How far the case list counts before it says "more than" (PROBITY_CASE_LIST_COUNT_LIMIT). */
  caseListCountLimit: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Each request's share of the database (docs/performance.md, "A budget per request"). */
  requestBudget: RequestBudgetConfig;
  /**
   * Signed audit checkpoints (features/audit/audit-checkpoint.ts): the key, where they are written, and when
   * the scheduler writes one (PROBITY_AUDIT_CHECKPOINT_CRON).
   */
  auditCheckpoint: { keyFile?: string; key?: string; file?: string; syslog?: string; cron?: string };
  /** The anonymous reporting channel's master key (features/reporting/report-crypto.ts); absent, the channel is off. */
  reporting: { keyFile?: string; key?: string };
  /** PROBITY_METRICS_TOKEN: /metrics answers only with it; absent, /metrics is off. */
  metricsToken: string | undefined;
  /** Statutory periods (defaults from the reference, with their confidence marks) and the bank-holiday calendar. */
  rules: { periods: ResolvedPeriods; calendar: CalendarConfig; integrity: IntegrityRules };
  /** The in-server scheduler (features/scheduler): PROBITY_SCHEDULER, PROBITY_SWEEP_*, PROBITY_DIGEST_CRON. */
  scheduler: {
    enabled: boolean;
    sweepCron: string;
    digestCron: string;
    retrySeconds: number;
    attempts: number;
    instanceId: string;
  };
  /** E-mail (features/notifications): no smtpUrl means messages wait in the outbox. */
  mail: { smtpUrl: string | null; from: string; outboxSeconds: number; maxAttempts: number };
  /** Clock reminders: working days before due (descending, 0 = on the day) and the escalation point. */
  reminders: { workingDaysBefore: number[]; escalationWorkingDays: number };
  /** Single sign-on with OpenID Connect (features/auth/oidc-*.ts); null when PROBITY_OIDC_ISSUER is unset. */
  oidc: OidcConfig | null;
};

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Derived from the public URL: register exactly this with the provider. */
  redirectUri: string;
  matchEmail: boolean;
  emailClaim: string;
  /** False: staff accounts cannot use the password form. */
  localSignIn: boolean;
  mfaAmr: string[];
  groupsClaim: string;
  /** Group → role, in the order given: the first group the user holds decides. Empty: never mapped. */
  groupRoles: [string, Role][];
  label: string;
};

export type SignInThrottleConfig = {
  /** PROBITY_SIGNIN_FAILURES: failures per account (or trusted browser) before attempts wait. */
  accountFailures: number;
  /** PROBITY_SIGNIN_ADDRESS_FAILURES: failures per client address before attempts wait. */
  addressFailures: number;
  /** PROBITY_SIGNIN_WINDOW_MINUTES: failures older than this are forgotten. */
  windowMinutes: number;
  /** PROBITY_SIGNIN_DELAY_SECONDS / PROBITY_SIGNIN_MAX_DELAY_SECONDS: the first wait and its ceiling. */
  delaySeconds: number;
  maxDelaySeconds: number;
  /** PROBITY_SIGNIN_DEVICE_DAYS: how long a browser stays trusted after completing sign-in. */
  deviceDays: number;
};

export type RequestBudgetConfig = {
  /** PROBITY_STATEMENT_TIMEOUT_MS: PostgreSQL's statement_timeout for the server's connections. */
  statementTimeoutMs: number;
  /** PROBITY_REQUEST_BUDGET_MS: a read request starts no statement after this long. */
  budgetMs: number;
  /** PROBITY_ADMISSION_ACTIVE: requests working on the database at once. */
  active: number;
  /** PROBITY_ADMISSION_QUEUE: requests waiting their turn; beyond it, 503 with Retry-After. */
  queue: number;
  /** PROBITY_ADMISSION_WAIT_MS: the longest wait for a turn before 503 with Retry-After. */
  waitMs: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: publicUrl.replace(/\/$/, ''),
    database: e.DATABASE_URL
      ? { engine: 'pg', url: e.DATABASE_URL, poolSize: e.PROBITY_DB_POOL_SIZE }
      : {
          engine: 'pglite',
          dataDir: e.PROBITY_DATA_DIR === 'memory://' ? 'memory://' : path.resolve(e.PROBITY_DATA_DIR),
        },
    // The embedded database migrates itself: there is no one else to do it.
    autoMigrate: e.PROBITY_AUTO_MIGRATE === '1' || !e.DATABASE_URL,
    session: { idleMinutes: e.PROBITY_SESSION_IDLE_MINUTES, absoluteHours: e.PROBITY_SESSION_ABSOLUTE_HOURS },
    signInThrottle: {
      accountFailures: e.PROBITY_SIGNIN_FAILURES,
      addressFailures: e.PROBITY_SIGNIN_ADDRESS_FAILURES,
      windowMinutes: e.PROBITY_SIGNIN_WINDOW_MINUTES,
      delaySeconds: e.PROBITY_SIGNIN_DELAY_SECONDS,
      maxDelaySeconds: Math.max(e.PROBITY_SIGNIN_MAX_DELAY_SECONDS, e.PROBITY_SIGNIN_DELAY_SECONDS),
      deviceDays: e.PROBITY_SIGNIN_DEVICE_DAYS,
    },
    signInRatePerMinute: e.PROBITY_SIGNIN_RATE_PER_MINUTE,
    setupLinkHours: e.PROBITY_SETUP_LINK_HOURS,
    trustProxy: e.PROBITY_TRUST_PROXY === '' ? [] : e.PROBITY_TRUST_PROXY.split(',').map((a) => a.trim()),
    cookieSecure: e.PROBITY_COOKIE_SECURE ? e.PROBITY_COOKIE_SECURE === '1' : publicUrl.startsWith('https:'),
    maxUploadBytes: Math.floor(e.PROBITY_MAX_UPLOAD_MB * 1024 * 1024),
    caseListCountLimit: e.PROBITY_CASE_LIST_COUNT_LIMIT,
    logLevel: e.LOG_LEVEL,
    requestBudget: {
      statementTimeoutMs: e.PROBITY_STATEMENT_TIMEOUT_MS,
      budgetMs: e.PROBITY_REQUEST_BUDGET_MS,
      active: e.PROBITY_ADMISSION_ACTIVE ?? (e.DATABASE_URL ? e.PROBITY_DB_POOL_SIZE : 4),
      queue: e.PROBITY_ADMISSION_QUEUE,
      waitMs: e.PROBITY_ADMISSION_WAIT_MS,
    },
    auditCheckpoint: {
      ...(e.PROBITY_AUDIT_SIGNING_KEY_FILE ? { keyFile: e.PROBITY_AUDIT_SIGNING_KEY_FILE } : {}),
      ...(e.PROBITY_AUDIT_SIGNING_KEY ? { key: e.PROBITY_AUDIT_SIGNING_KEY } : {}),
      ...(e.PROBITY_AUDIT_CHECKPOINT_FILE ? { file: path.resolve(e.PROBITY_AUDIT_CHECKPOINT_FILE) } : {}),
      ...(e.PROBITY_AUDIT_CHECKPOINT_SYSLOG ? { syslog: e.PROBITY_AUDIT_CHECKPOINT_SYSLOG } : {}),
      cron: e.PROBITY_AUDIT_CHECKPOINT_CRON,
    },
    reporting: {
      ...(e.PROBITY_REPORTING_KEY_FILE ? { keyFile: path.resolve(e.PROBITY_REPORTING_KEY_FILE) } : {}),
      ...(e.PROBITY_REPORTING_KEY ? { key: e.PROBITY_REPORTING_KEY } : {}),
    },
    metricsToken: e.PROBITY_METRICS_TOKEN,
    rules: loadRules(e.PROBITY_RULES_FILE),
    scheduler: {
      enabled: e.PROBITY_SCHEDULER === '1',
      sweepCron: e.PROBITY_SWEEP_CRON,
      digestCron: e.PROBITY_DIGEST_CRON,
      retrySeconds: e.PROBITY_SWEEP_RETRY_SECONDS,
      attempts: e.PROBITY_SWEEP_ATTEMPTS,
      instanceId: e.PROBITY_INSTANCE_ID ?? `${os.hostname()}-${process.pid}`,
    },
    mail: {
      smtpUrl: e.PROBITY_SMTP_URL ?? null,
      from: e.PROBITY_MAIL_FROM,
      outboxSeconds: e.PROBITY_OUTBOX_SECONDS,
      maxAttempts: e.PROBITY_OUTBOX_MAX_ATTEMPTS,
    },
    reminders: {
      workingDaysBefore: [...new Set(e.PROBITY_REMINDER_WORKING_DAYS.split(',').map((d) => Number(d.trim())))].sort(
        (a, b) => b - a,
      ),
      escalationWorkingDays: e.PROBITY_ESCALATION_WORKING_DAYS,
    },
    oidc: loadOidc(e, publicUrl.replace(/\/$/, '')),
  };
}

function loadOidc(e: z.infer<typeof envSchema>, publicUrl: string): OidcConfig | null {
  if (!e.PROBITY_OIDC_ISSUER) return null;
  const missing = (['PROBITY_OIDC_CLIENT_ID', 'PROBITY_OIDC_CLIENT_SECRET'] as const).filter((k) => !e[k]);
  if (missing.length)
    throw new ConfigError(
      `Invalid configuration:\n${missing.map((k) => `  ${k}: required with PROBITY_OIDC_ISSUER`).join('\n')}`,
    );
  return {
    issuer: e.PROBITY_OIDC_ISSUER,
    clientId: e.PROBITY_OIDC_CLIENT_ID ?? '',
    clientSecret: e.PROBITY_OIDC_CLIENT_SECRET ?? '',
    redirectUri: `${publicUrl}/sign-in/oidc/callback`,
    matchEmail: e.PROBITY_OIDC_MATCH_EMAIL === '1',
    emailClaim: e.PROBITY_OIDC_EMAIL_CLAIM,
    localSignIn: e.PROBITY_OIDC_LOCAL_SIGN_IN === '1',
    mfaAmr: e.PROBITY_OIDC_MFA_AMR.split(',')
      .map((v) => v.trim())
      .filter(Boolean),
    groupsClaim: e.PROBITY_OIDC_GROUPS_CLAIM,
    groupRoles: parseGroupRoles(e.PROBITY_OIDC_GROUP_ROLES),
    label: e.PROBITY_OIDC_LABEL,
  };
}

const groupRolesSchema = z.record(z.string().min(1), z.enum(roles));

/** PROBITY_OIDC_GROUP_ROLES: {"<group id>": "<role>", …}; a bad value stops start-up naming the problem. */
function parseGroupRoles(raw: string | undefined): [string, Role][] {
  if (!raw?.trim()) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError(
      'Invalid configuration:\n  PROBITY_OIDC_GROUP_ROLES: a JSON object such as {"<group id>": "psd_investigator"}',
    );
  }
  const parsed = groupRolesSchema.safeParse(json);
  if (!parsed.success)
    throw new ConfigError(
      `Invalid configuration:\n  PROBITY_OIDC_GROUP_ROLES: each value must be one of ${roles.join(', ')}`,
    );
  return Object.entries(parsed.data);
}

const rulesFileSchema = z.strictObject({
  periods: z.unknown().optional(),
  calendar: z.unknown().optional(),
  integrity: z.unknown().optional(),
});

/** Periods and calendar from PROBITY_RULES_FILE over the defaults; a bad file stops start-up naming the problem. */
function loadRules(file: string | undefined): Config['rules'] {
  if (!file) return { periods: resolvePeriods(), calendar: defaultCalendarConfig, integrity: parseIntegrityRules({}) };
  try {
    const raw = rulesFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return {
      periods: resolvePeriods(raw.periods ?? {}),
      calendar: raw.calendar ? parseCalendarConfig(raw.calendar) : defaultCalendarConfig,
      integrity: parseIntegrityRules(raw.integrity ?? {}),
    };
  } catch (err) {
    throw new ConfigError(
      `Invalid rules file ${file}: ${err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message}`,
    );
  }
}
