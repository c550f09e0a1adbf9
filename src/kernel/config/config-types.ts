import type { CalendarConfig } from '../time/bank-holidays.ts';
import type { ResolvedPeriods } from '../time/periods.ts';
import type { IntegrityRules } from './integrity-rules.ts';
import type { Role } from '../access/roles.ts';
import type { Env } from './env-schema.ts';

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
  logLevel: Env['LOG_LEVEL'];
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
