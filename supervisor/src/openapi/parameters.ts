import type { OpenAPIParameter } from './types';

/**
 * The path and query parameters of Kubernetes REST operations. Parameters are written inline in
 * every operation (never as `$ref`s to components): kubectl's supportsQueryParamV3 only reads the
 * names of inline parameters when it looks for `fieldValidation` on a kind's PATCH operation.
 */

function query(name: string, type: 'string' | 'boolean' | 'integer', description: string): OpenAPIParameter {
  return { name, in: 'query', description, schema: { type, uniqueItems: true } };
}

const Q = {
  pretty: query('pretty', 'string', "If 'true', then the output is pretty printed."),
  dryRun: query(
    'dryRun',
    'string',
    'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed',
  ),
  fieldManager: query(
    'fieldManager',
    'string',
    'fieldManager is a name associated with the actor or entity that is making these changes. It is required for apply requests (application/apply-patch+yaml).',
  ),
  fieldValidation: query(
    'fieldValidation',
    'string',
    'fieldValidation determines how the server responds to unknown or duplicate fields in the request object. Valid values are: - Ignore - Warn (the default) - Strict: fails the request on unknown or duplicate fields.',
  ),
  force: query('force', 'boolean', 'Force makes an apply request re-acquire fields owned by other managers. Must be unset for non-apply patches.'),
  labelSelector: query('labelSelector', 'string', 'A selector to restrict the list of returned objects by their labels. Defaults to everything.'),
  fieldSelector: query('fieldSelector', 'string', 'A selector to restrict the list of returned objects by their fields. Defaults to everything.'),
  watch: query('watch', 'boolean', 'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.'),
  allowWatchBookmarks: query('allowWatchBookmarks', 'boolean', 'allowWatchBookmarks requests watch events with type "BOOKMARK".'),
  resourceVersion: query('resourceVersion', 'string', 'resourceVersion sets a constraint on what resource versions a request may be served from.'),
  resourceVersionMatch: query('resourceVersionMatch', 'string', 'resourceVersionMatch determines how resourceVersion is applied to list calls.'),
  sendInitialEvents: query('sendInitialEvents', 'boolean', 'With watch=true, begin the stream with synthetic events for the current state.'),
  timeoutSeconds: query('timeoutSeconds', 'integer', 'Timeout for the list/watch call.'),
  limit: query('limit', 'integer', 'limit is a maximum number of responses to return for a list call; more results are fetched with continue.'),
  continue: query('continue', 'string', 'The continue token returned by a previous list call with the same query.'),
  gracePeriodSeconds: query('gracePeriodSeconds', 'integer', 'The duration in seconds before the object should be deleted.'),
  propagationPolicy: query('propagationPolicy', 'string', "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'."),
  orphanDependents: query('orphanDependents', 'boolean', 'Deprecated: use propagationPolicy.'),
} satisfies Record<string, OpenAPIParameter>;

export const QUERY_PARAMETERS = Q;

export function namespaceParameter(): OpenAPIParameter {
  return { name: 'namespace', in: 'path', required: true, description: 'object name and auth scope, such as for teams and projects', schema: { type: 'string', uniqueItems: true } };
}

export function nameParameter(description: string): OpenAPIParameter {
  return { name: 'name', in: 'path', required: true, description, schema: { type: 'string', uniqueItems: true } };
}

export const LIST_PARAMETERS = [
  Q.allowWatchBookmarks,
  Q.continue,
  Q.fieldSelector,
  Q.labelSelector,
  Q.limit,
  Q.resourceVersion,
  Q.resourceVersionMatch,
  Q.sendInitialEvents,
  Q.timeoutSeconds,
  Q.watch,
];
export const WRITE_PARAMETERS = [Q.dryRun, Q.fieldManager, Q.fieldValidation];
export const PATCH_PARAMETERS = [Q.dryRun, Q.fieldManager, Q.fieldValidation, Q.force];
export const DELETE_PARAMETERS = [Q.dryRun, Q.gracePeriodSeconds, Q.orphanDependents, Q.propagationPolicy];
export const DELETE_COLLECTION_PARAMETERS = [
  Q.continue,
  Q.dryRun,
  Q.fieldSelector,
  Q.gracePeriodSeconds,
  Q.labelSelector,
  Q.limit,
  Q.orphanDependents,
  Q.propagationPolicy,
  Q.resourceVersion,
  Q.resourceVersionMatch,
  Q.sendInitialEvents,
  Q.timeoutSeconds,
];

export const LOG_PARAMETERS = [
  query('container', 'string', 'The container for which to stream logs. Defaults to the only container if there is one container in the pod.'),
  query('follow', 'boolean', 'Follow the log stream of the pod.'),
  query('insecureSkipTLSVerifyBackend', 'boolean', 'Skip verifying the serving certificate of the backend.'),
  query('limitBytes', 'integer', 'If set, the number of bytes to read from the server before terminating the log output.'),
  query('previous', 'boolean', 'Return previous terminated container logs.'),
  query('sinceSeconds', 'integer', 'A relative time in seconds before the current time from which to show logs.'),
  query('sinceTime', 'string', 'An RFC3339 timestamp from which to show logs.'),
  query('stream', 'string', 'Specify which container log stream to return to the client: All, Stdout or Stderr.'),
  query('tailLines', 'integer', 'If set, the number of lines from the end of the logs to show.'),
  query('timestamps', 'boolean', 'If true, add an RFC3339 timestamp at the beginning of every line of log output.'),
];

export const EXEC_PARAMETERS = [
  query('command', 'string', 'Command is the remote command to execute. argv array. Not executed within a shell.'),
  query('container', 'string', 'Container in which to execute the command. Defaults to only container if there is only one container in the pod.'),
  query('stderr', 'boolean', 'Redirect the standard error stream of the pod for this call.'),
  query('stdin', 'boolean', 'Redirect the standard input stream of the pod for this call.'),
  query('stdout', 'boolean', 'Redirect the standard output stream of the pod for this call.'),
  query('tty', 'boolean', 'TTY if true indicates that a tty will be allocated for the exec call.'),
];

export const ATTACH_PARAMETERS = EXEC_PARAMETERS.filter((p) => p.name !== 'command');

export const PORTFORWARD_PARAMETERS = [query('ports', 'integer', 'List of ports to forward.')];
