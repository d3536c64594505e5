/** batch/v1 printers: Job (STATUS, COMPLETIONS, DURATION) and CronJob (printers.go `printJob`, `printCronJob`). */
import type { KubeObject } from '../api/types';
import { ageColumn, at, column, containerCells, containersColumn, formatLabelSelector, imagesColumn, int, list, nameColumn, str } from './format';
import { humanDuration, parseTimestamp, timestampSince } from './human-duration';
import type { Printer, TableCell } from './types';

const selectorColumn = () => column('Selector', 'string', 'A label query over pods that should match the pod count.', 1);

/** printers.go `hasJobCondition`: the first condition of that type decides. */
function jobCondition(job: KubeObject, type: string): boolean {
  const found = list(at(job, 'status', 'conditions')).find((c) => at(c, 'type') === type);
  return found !== undefined && at(found, 'status') === 'True';
}

function jobStatus(job: KubeObject): string {
  if (jobCondition(job, 'Complete')) return 'Complete';
  if (jobCondition(job, 'Failed')) return 'Failed';
  if (typeof job.metadata.deletionTimestamp === 'string') return 'Terminating';
  if (jobCondition(job, 'Suspended')) return 'Suspended';
  if (jobCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(job: KubeObject): string {
  const succeeded = int(at(job, 'status', 'succeeded'));
  const wanted = at(job, 'spec', 'completions');
  if (typeof wanted === 'number') return `${succeeded}/${Math.trunc(wanted)}`;
  const parallelism = int(at(job, 'spec', 'parallelism'));
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: KubeObject, now: number): string {
  const start = parseTimestamp(at(job, 'status', 'startTime'));
  if (typeof start !== 'number') return '';
  const end = parseTimestamp(at(job, 'status', 'completionTime'));
  return humanDuration((typeof end === 'number' ? end : now) - start);
}

export const jobPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', 'The number of pods which reached phase Succeeded.'),
    column('Duration', 'string', 'Time required to complete the job.'),
    ageColumn(),
    containersColumn(),
    imagesColumn(),
    selectorColumn(),
  ],
  row(job: KubeObject, now: number): TableCell[] {
    const [containers, images] = containerCells(at(job, 'spec', 'template', 'spec', 'containers'));
    return [
      str(job.metadata.name),
      jobStatus(job),
      completions(job),
      jobDuration(job, now),
      timestampSince(job.metadata.creationTimestamp, now),
      containers,
      images,
      formatLabelSelector(at(job, 'spec', 'selector')),
    ];
  },
};

/** printers.go `printBoolPtr`. */
function boolPtr(value: unknown): string {
  if (typeof value !== 'boolean') return '<unset>';
  return value ? 'True' : 'False';
}

export const cronJobPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Schedule', 'string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    column('Timezone', 'string', 'The time zone name for the given schedule.'),
    column('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions.'),
    column('Active', 'integer', 'A list of pointers to currently running jobs.'),
    column('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
    ageColumn(),
    containersColumn(),
    imagesColumn(),
    selectorColumn(),
  ],
  row(cj: KubeObject, now: number): TableCell[] {
    const lastSchedule = at(cj, 'status', 'lastScheduleTime');
    const template = at(cj, 'spec', 'jobTemplate', 'spec');
    const [containers, images] = containerCells(at(template, 'template', 'spec', 'containers'));
    return [
      str(cj.metadata.name),
      str(at(cj, 'spec', 'schedule')),
      str(at(cj, 'spec', 'timeZone')) || '<none>',
      boolPtr(at(cj, 'spec', 'suspend')),
      list(at(cj, 'status', 'active')).length,
      lastSchedule === undefined || lastSchedule === null ? '<none>' : timestampSince(lastSchedule, now),
      timestampSince(cj.metadata.creationTimestamp, now),
      containers,
      images,
      formatLabelSelector(at(template, 'selector')),
    ];
  },
};
