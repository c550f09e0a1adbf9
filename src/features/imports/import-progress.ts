/**
 * Progress of an import on a terminal: rows read, rate and time left, estimated from the bytes read of
 * all the files. On a TTY one line is rewritten in place (at most a few times a second); otherwise (a log,
 * a pipe) one line is printed per committed batch, which is also what a supervisor can watch for.
 */
export type ProgressSink = { write: (text: string) => unknown; isTTY?: boolean | undefined };

export type ProgressState = { file: string; rows: number; bytesDone: number; batches: number };

export class ImportProgress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly sink: ProgressSink,
    private readonly totalBytes: number,
    private readonly startBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** While rows are read: redraw in place on a terminal. */
  reading(s: ProgressState): void {
    if (!this.sink.isTTY) return;
    const t = this.now();
    if (t - this.lastDraw < 250) return;
    this.lastDraw = t;
    this.sink.write(`\r\x1b[K${this.line(s)}`);
    this.drawn = true;
  }

  /** After each committed batch: a line of its own when not on a terminal. */
  committed(s: ProgressState): void {
    if (this.sink.isTTY) {
      this.lastDraw = 0;
      this.reading(s);
      return;
    }
    this.sink.write(`batch ${s.batches} committed: ${this.line(s)}\n`);
  }

  note(text: string): void {
    this.clear();
    this.sink.write(`${text}\n`);
  }

  clear(): void {
    if (this.sink.isTTY && this.drawn) this.sink.write('\r\x1b[K');
    this.drawn = false;
  }

  line(s: ProgressState): string {
    const seconds = Math.max((this.now() - this.started) / 1000, 0.001);
    const rate = s.rows / seconds;
    const doneThisRun = Math.max(s.bytesDone - this.startBytes, 0);
    const left = this.totalBytes - s.bytesDone;
    const eta = doneThisRun > 0 ? (left * seconds) / doneThisRun : null;
    return `${s.file}: ${s.rows.toLocaleString('en-GB')} rows read, ${Math.round(rate).toLocaleString('en-GB')} rows/s, ${eta === null ? 'time left unknown' : `about ${duration(eta)} left`}`;
  }
}

export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  if (h > 0) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}
