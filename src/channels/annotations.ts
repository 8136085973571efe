/**
 * Workflow-command annotations. GitHub keeps at most 10 error, 10 warning and 10 notice
 * annotations per step and silently drops the rest, so the plan is made here, on purpose:
 * most severe first, at most `maxPerLevel` per level, and, when anything was left out, one
 * notice "N more findings: see the job summary" that itself fits in the notice budget.
 *
 * planAnnotations is pure; emitAnnotations only posts what the plan says.
 */
import type { AnnotationProperties } from '@actions/core';
import type { Finding, Location, Severity } from '../report/model.js';
import { compareFindings, sorted } from '../report/sort.js';
import { formatCount, plural, visible } from '../report/render-text.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';
export const ANNOTATION_LEVELS: readonly AnnotationLevel[] = ['error', 'warning', 'notice'];
/** GitHub's per-step limit for each level. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10;

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  properties: AnnotationProperties;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Findings not annotated because of the budget (suppressed findings are never counted). */
  omitted: number;
  omittedByLevel: Record<AnnotationLevel, number>;
}

export interface PlanOptions {
  /** Per level; clamped to 1..10 (default 10). */
  maxPerLevel?: number;
  /**
   * Slots per level already taken in this step (a `setFailed` error, an "input not implemented"
   * notice, logger warnings): subtracted from the budget of that level.
   */
  used?: Partial<Record<AnnotationLevel, number>>;
  /** Where to annotate a finding without a usable location (the policy file, the workflow). */
  fallback?: Location;
  /**
   * Maps a finding's location to a workspace-relative one; return undefined when it is outside
   * the repository (the fallback is used then). Identity by default.
   */
  mapLocation?: (location: Location) => Location | undefined;
}

export const ANNOTATION_TITLE_PREFIX = 'activation-gate';

export function levelOf(severity: Severity): AnnotationLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

export function clampMaxPerLevel(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n)) return MAX_ANNOTATIONS_PER_LEVEL;
  return Math.min(MAX_ANNOTATIONS_PER_LEVEL, Math.max(1, Math.trunc(n)));
}

function propertiesFor(f: Finding, options: PlanOptions): AnnotationProperties {
  const mapped = f.location ? (options.mapLocation ? options.mapLocation(f.location) : f.location) : undefined;
  const loc = mapped ?? options.fallback;
  const props: AnnotationProperties = { title: `${ANNOTATION_TITLE_PREFIX}: ${f.rule}` };
  if (loc) {
    props.file = loc.file;
    props.startLine = loc.line;
    if (loc.column !== undefined) props.startColumn = loc.column;
  }
  return props;
}

export function planAnnotations(findings: readonly Finding[], options: PlanOptions = {}): AnnotationPlan {
  const max = clampMaxPerLevel(options.maxPerLevel);
  const budget = (level: AnnotationLevel): number => Math.max(0, max - (options.used?.[level] ?? 0));
  const active = sorted(
    findings.filter((f) => f.suppressed === undefined),
    compareFindings,
  );
  const byLevel: Record<AnnotationLevel, Finding[]> = { error: [], warning: [], notice: [] };
  for (const f of active) byLevel[levelOf(f.severity)].push(f);

  const errorSlots = budget('error');
  const warningSlots = budget('warning');
  const noticeBudget = budget('notice');
  const cutBeforeNotices = byLevel.error.length > errorSlots || byLevel.warning.length > warningSlots;
  // One notice slot is reserved for the "N more" notice whenever anything is cut, notes included.
  const anythingCut = cutBeforeNotices || byLevel.notice.length > noticeBudget;
  const noticeSlots = anythingCut ? Math.max(0, noticeBudget - 1) : noticeBudget;
  const slots: Record<AnnotationLevel, number> = { error: errorSlots, warning: warningSlots, notice: noticeSlots };

  const annotations: Annotation[] = [];
  const omittedByLevel: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const level of ANNOTATION_LEVELS) {
    const list = byLevel[level];
    for (const f of list.slice(0, slots[level])) {
      annotations.push({ level, message: f.message, properties: propertiesFor(f, options) });
    }
    omittedByLevel[level] = Math.max(0, list.length - slots[level]);
  }
  const omitted = omittedByLevel.error + omittedByLevel.warning + omittedByLevel.notice;
  if (omitted > 0 && noticeBudget > 0) {
    const parts: string[] = [];
    if (omittedByLevel.error) parts.push(plural(omittedByLevel.error, 'error'));
    if (omittedByLevel.warning) parts.push(plural(omittedByLevel.warning, 'warning'));
    if (omittedByLevel.notice) parts.push(plural(omittedByLevel.notice, 'note'));
    annotations.push({
      level: 'notice',
      message: `${formatCount(omitted)} more finding${omitted === 1 ? '' : 's'}: see the job summary (${parts.join(', ')} not annotated; ${max < MAX_ANNOTATIONS_PER_LEVEL ? `max-annotations is ${max} per level` : `GitHub shows at most ${max} annotations per level per step`}).`,
      properties: { title: `${ANNOTATION_TITLE_PREFIX}: more findings` },
    });
  }
  return { annotations, omitted, omittedByLevel };
}

/** The part of @actions/core that posts annotations (core itself, or a fake in tests). */
export interface AnnotationSink {
  error(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  notice(message: string, properties?: AnnotationProperties): void;
}

/**
 * Posts the plan. A message quotes names from the build (paths, package names): @actions/core
 * escapes CR and LF as %0D/%0A, and the runner turns them back into line breaks, so a file named
 * `x\n\nExempted by compliance: not a release blocker.` would add lines of its own to the
 * annotation, and U+202E would reverse what follows it. Messages are posted as the text report
 * shows them (`visible`: one line, controls and invisible or bidirectional characters as escapes).
 */
export function emitAnnotations(plan: AnnotationPlan, sink: AnnotationSink): void {
  for (const a of plan.annotations) sink[a.level](visible(a.message), a.properties);
}
