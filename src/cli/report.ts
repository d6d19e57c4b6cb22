/**
 * What the CLI prints: diagnostics (coloured only where colours are wanted), the `--json` document for tools,
 * and the progress line on a terminal. No decisions about exit codes here.
 */
import type { WriteStream } from "node:tty";
import type { ProgressEvent } from "../config/options.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import { VERSION } from "../version.js";

/**
 * Colours on a terminal only: FORCE_COLOR (other than 0/false) turns them on anywhere, a non-empty NO_COLOR
 * turns them off (https://no-color.org), TERM=dumb too.
 */
export function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if (env.NO_COLOR) return false;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

const SGR = { error: "31;1", warning: "33;1", info: "36", hint: "2", location: "1" } as const;

/** One diagnostic as `formatDiagnostic` prints it, with the severity, location and hint coloured. */
export function renderDiagnostic(d: Diagnostic, color: boolean): string {
  const text = formatDiagnostic(d);
  if (!color) return text;
  const paint = (code: string, s: string) => `\x1b[${code}m${s}\x1b[0m`;
  const [first, ...rest] = text.split("\n");
  const at = first!.indexOf(`${d.severity} ${d.code}:`);
  const head = at > 0 ? paint(SGR.location, first!.slice(0, at - 2)) + first!.slice(at - 2, at) : "";
  const body = first!.slice(Math.max(at, 0));
  const sev = paint(SGR[d.severity], `${d.severity} ${d.code}`) + body.slice(`${d.severity} ${d.code}`.length);
  return [head + sev, ...rest.map((l) => paint(SGR.hint, l))].join("\n");
}

/**
 * The `--json` document (one JSON object on stdout, whatever the outcome):
 * `{ schemaforge, command, exitCode, summary?, drift?, results?, diagnostics }`, diagnostics as the API returns them.
 */
export interface JsonReport {
  schemaforge: string;
  command: string;
  exitCode: number;
  summary?: Record<string, unknown>;
  drift?: { missing: string[]; changed: string[]; extra: string[] };
  results?: unknown[];
  diagnostics: Diagnostic[];
}

export function printJson(report: Omit<JsonReport, "schemaforge">): void {
  process.stdout.write(JSON.stringify({ schemaforge: VERSION, ...report }, null, 2) + "\n");
}

/**
 * A one-line progress display on a terminal, shown only once a run has taken longer than `afterMs` (a second),
 * and cleared before the summary. Elsewhere it does nothing.
 */
export class Progress {
  private last: ProgressEvent | undefined;
  private shown = false;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    enabled: boolean,
    afterMs = Number(process.env.SCHEMAFORGE_PROGRESS_AFTER_MS ?? 1000),
  ) {
    if (!enabled) return;
    this.timer = setTimeout(() => {
      this.shown = true;
      this.draw();
    }, afterMs);
    this.timer.unref();
  }

  update = (event: ProgressEvent): void => {
    this.last = event;
    if (this.shown) this.draw();
  };

  private draw(): void {
    const e = this.last;
    if (!e) return;
    const counts = [e.documents > 0 ? `${e.documents} documents` : "", e.types > 0 ? `${e.types} types` : ""].filter(Boolean).join(", ");
    const width = (this.stream as WriteStream).columns || 80;
    const line = `schemaforge: ${e.stage}…${counts ? ` (${counts})` : ""}`.slice(0, width - 1);
    this.stream.write(`\r\x1b[2K${line}`);
  }

  done(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.shown) this.stream.write("\r\x1b[2K");
    this.shown = false;
  }
}
