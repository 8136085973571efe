/**
 * The check run (`check-run: true`): one check run carrying every annotation, in batches of 50
 * (the Checks API's per-request limit), its conclusion the verdict, its summary the job summary
 * shortened below the 65,535-character limit of `output.summary`.
 *
 * planCheckRun is pure; publishCheckRun makes the requests: `checks.create` (in progress, first
 * batch), `checks.update` for each further batch, then one `checks.update` that completes it.
 * The check run never decides the gate: the step's exit status does.
 */
import type { Finding, Report } from '../report/model.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { formatCount, verdictLine, visible } from '../report/render-text.js';
import { compareFindings, sorted } from '../report/sort.js';
import { isInsideWorkspace } from '../source/locate.js';

export const CHECK_ANNOTATIONS_PER_REQUEST = 50;
/** Annotations carried at most (20 requests); the rest are counted in the summary. */
export const CHECK_ANNOTATIONS_MAX = 1000;
/** `output.summary` and `output.text` hold at most 65,535 characters; keep a margin. */
export const CHECK_SUMMARY_MAX_CHARS = 65_000;
export const CHECK_RUN_NAME = 'activation-gate';

export type CheckAnnotationLevel = 'failure' | 'warning' | 'notice';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: CheckAnnotationLevel;
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
  annotations?: CheckAnnotation[];
}

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface CheckRunPlan {
  name: string;
  headSha: string;
  title: string;
  summary: string;
  conclusion: CheckConclusion;
  /** Batches of at most 50. The first goes with the create request. */
  batches: CheckAnnotation[][];
  /** Findings not carried: over the cap, or without a location in the repository. */
  omitted: number;
}

export interface CheckRunOptions {
  name?: string;
  headSha: string;
  /** Where to put a finding without a usable location (the workflow file). */
  fallback?: { file: string; line: number };
  maxAnnotations?: number;
  /** Named in the summary's "dropped" line. */
  fullReportHint?: string;
}

function cap(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export function conclusionOf(report: Report): CheckConclusion {
  if (report.verdict === 'pass') return 'success';
  return report.failOn === 'never' ? 'neutral' : 'failure';
}

function annotationFor(f: Finding, fallback: CheckRunOptions['fallback']): CheckAnnotation | undefined {
  const loc = f.location && isInsideWorkspace(f.location.file) ? f.location : fallback;
  if (!loc) return undefined;
  const level: CheckAnnotationLevel = f.severity === 'error' ? 'failure' : f.severity === 'warning' ? 'warning' : 'notice';
  const a: CheckAnnotation = {
    path: loc.file,
    start_line: loc.line,
    end_line: loc.line,
    annotation_level: level,
    // Names from the build, shown as the text report shows them (one line each, controls and
    // invisible or bidirectional characters as escapes): a path cannot add lines of its own.
    message: cap(visible(f.message), 60_000),
    title: cap(visible(`${f.rule}${f.package ? ` (${f.package})` : f.endpoint ? ` (${f.endpoint})` : ''}`), 255),
  };
  const details = [
    `target: ${f.target}`,
    ...(f.path ? [`in the build: ${f.path}`] : []),
    ...(f.evidence ?? []).slice(0, 10).map((e) => `evidence: ${e.path}${e.entry ? `!/${e.entry}` : ''}${e.offset !== undefined ? ` @${e.offset}` : ''}`),
  ].map(visible);
  a.raw_details = cap(details.join('\n'), 60_000);
  return a;
}

export function planCheckRun(report: Report, options: CheckRunOptions): CheckRunPlan {
  const max = options.maxAnnotations ?? CHECK_ANNOTATIONS_MAX;
  const active = sorted(
    report.findings.filter((f) => f.suppressed === undefined),
    compareFindings,
  );
  const annotations: CheckAnnotation[] = [];
  let omitted = 0;
  for (const f of active) {
    const a = annotations.length < max ? annotationFor(f, options.fallback) : undefined;
    if (a) annotations.push(a);
    else omitted++;
  }
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += CHECK_ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + CHECK_ANNOTATIONS_PER_REQUEST));
  if (batches.length === 0) batches.push([]);
  let summary = renderMarkdown(report, { maxChars: CHECK_SUMMARY_MAX_CHARS - 300, fullReportHint: options.fullReportHint });
  if (omitted > 0) {
    summary += `\n${formatCount(omitted)} finding${omitted === 1 ? ' is' : 's are'} not annotated on this check run (over ${formatCount(max)} annotations, or no file in the repository to point at).\n`;
  }
  return {
    name: cap(options.name ?? CHECK_RUN_NAME, 100),
    headSha: options.headSha,
    title: cap(verdictLine(report), 255),
    summary,
    conclusion: conclusionOf(report),
    batches,
    omitted,
  };
}

/** The slice of Octokit this channel calls (`octokit.rest.checks`). */
export interface ChecksClient {
  rest: {
    checks: {
      create(params: {
        owner: string;
        repo: string;
        name: string;
        head_sha: string;
        status: 'in_progress';
        output: CheckOutput;
        request?: { signal?: AbortSignal };
      }): Promise<{ data: { id: number; html_url?: string | null } }>;
      update(params: {
        owner: string;
        repo: string;
        check_run_id: number;
        status?: 'completed';
        conclusion?: CheckConclusion;
        output: CheckOutput;
        request?: { signal?: AbortSignal };
      }): Promise<unknown>;
    };
  };
}

export async function publishCheckRun(
  client: ChecksClient,
  repo: { owner: string; repo: string },
  plan: CheckRunPlan,
  signal?: AbortSignal,
): Promise<{ id: number; url?: string; requests: number }> {
  const request = signal ? { signal } : undefined;
  const output = (annotations?: CheckAnnotation[]): CheckOutput => ({
    title: plan.title,
    summary: plan.summary,
    ...(annotations ? { annotations } : {}),
  });
  const created = await client.rest.checks.create({
    ...repo,
    name: plan.name,
    head_sha: plan.headSha,
    status: 'in_progress',
    output: output(plan.batches[0]),
    ...(request ? { request } : {}),
  });
  const id = created.data.id;
  let requests = 1;
  // A batch that fails (a 502, the time limit) must not leave the run in progress: a required
  // check would hold the pull request pending for ever. It is completed all the same, with its
  // conclusion and a line saying annotations are missing, and the error is then thrown.
  let failure: unknown;
  let sent = 1;
  try {
    for (const batch of plan.batches.slice(1)) {
      await client.rest.checks.update({ ...repo, check_run_id: id, output: output(batch), ...(request ? { request } : {}) });
      requests++;
      sent++;
    }
  } catch (e) {
    failure = e;
  }
  const missing = failure ? plan.batches.slice(sent).reduce((n, b) => n + b.length, 0) : 0;
  const summary = failure ? `${plan.summary}\n\n**${missing} annotations could not be uploaded** (a request failed); the job's log and report have every finding.` : plan.summary;
  // After a time-out the run's signal is spent: the completing request gets time of its own.
  const completing = failure && signal?.aborted ? { signal: AbortSignal.timeout(15_000) } : request;
  await client.rest.checks.update({
    ...repo,
    check_run_id: id,
    status: 'completed',
    conclusion: plan.conclusion,
    output: { title: plan.title, summary: summary.length <= CHECK_SUMMARY_MAX_CHARS ? summary : plan.summary },
    ...(completing ? { request: completing } : {}),
  });
  requests++;
  if (failure) throw failure;
  return { id, url: created.data.html_url ?? undefined, requests };
}
