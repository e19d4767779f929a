// What the Action writes back to the runner: outputs, the job summary, annotations, the failed
// step, and the run artifact. The only other module that imports @actions/*.
import { DefaultArtifactClient } from '@actions/artifact';
import * as core from '@actions/core';
import type { GateCounts } from '../report/gates.js';
import type { Annotation } from './annotations.js';

export interface ActionOutputs {
  verdict: 'pass' | 'fail';
  report: string;
  /** How many times each gate failed the check (`gateCounts`, src/report/gates.ts). */
  gates: GateCounts;
  commentUrl: string;
}

/** Every output of action.yml's `outputs`, under its name there. */
export function setOutputs(outputs: ActionOutputs): void {
  const { gates } = outputs;
  core.setOutput('verdict', outputs.verdict);
  core.setOutput('report', outputs.report);
  core.setOutput('regressions', String(gates.total));
  core.setOutput('regressed-benchmarks', String(gates.benchmarks));
  core.setOutput('regressed-functions', String(gates.functions));
  core.setOutput('regressed-allocations', String(gates.allocations));
  core.setOutput('fleet-regressions', String(gates.fleet));
  core.setOutput('failed-benchmarks', String(gates.failedBenchmarks));
  core.setOutput('removed-benchmarks', String(gates.removedBenchmarks));
  core.setOutput('comment-url', outputs.commentUrl);
}

/** GitHub keeps at most 1 MiB of summary per step. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024;

/** Adds to the step's job summary (after what `writeSummary` wrote). */
export async function appendSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown.slice(0, 64 * 1024), true).write();
}

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const body =
    markdown.length > SUMMARY_LIMIT
      ? `${markdown.slice(0, SUMMARY_LIMIT)}\n\n… cut at GitHub's summary limit; see the JSON report.\n`
      : markdown;
  await core.summary.addRaw(body, true).write();
}

export const log = {
  info: (message: string) => core.info(message),
  warning: (message: string) => core.warning(message),
  error: (message: string, title?: string) => core.error(message, title ? { title } : undefined),
  group: <T>(name: string, fn: () => Promise<T>) => core.group(name, fn),
};

/** One planned annotation (src/publish/annotations.ts), on its file and lines when it has them. */
export function writeAnnotation(annotation: Annotation): void {
  const properties: core.AnnotationProperties = { title: annotation.title };
  if (annotation.file) {
    properties.file = annotation.file;
    if (annotation.startLine) properties.startLine = annotation.startLine;
    if (annotation.endLine) properties.endLine = annotation.endLine;
  }
  if (annotation.level === 'error') core.error(annotation.message, properties);
  else core.warning(annotation.message, properties);
}

export function fail(message: string): void {
  core.setFailed(message);
}

/** Uploads files as a run artifact; returns its id, or undefined where the runner offers no artifact service. */
export async function uploadArtifact(
  name: string,
  files: string[],
  root: string,
): Promise<number | undefined> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || files.length === 0) return undefined;
  const client = new DefaultArtifactClient();
  const { id } = await client.uploadArtifact(name, files, root, { retentionDays: 14 });
  return id;
}
