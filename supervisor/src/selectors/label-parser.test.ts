import { describe, expect, it } from 'vitest';
import type { ApiError } from '../api/errors';
import { apiErrorOf } from '../testing/api-error-of';
import { parseLabelSelector } from './label-parser';
import { labelSelectorToString, matchesLabels } from './label-selector';

function parseError(s: string): ApiError {
  return apiErrorOf(() => parseLabelSelector(s), `${JSON.stringify(s)} to be rejected`);
}
describe('parseLabelSelector: valid input (printed in upstream canonical form)', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['   ', ''],
    ['app=web', 'app=web'],
    ['app==web', 'app==web'],
    ['app!=web', 'app!=web'],
    ['tier in (b,a)', 'tier in (a,b)'],
    ['tier notin (a)', 'tier notin (a)'],
    ['tier', 'tier'],
    ['!tier', '!tier'],
    ['  app = web ,  !tier ', 'app=web,!tier'],
    ['z=1,a=2', 'a=2,z=1'],
    ['x in (foo,,baz),y,z notin ()', 'x in (,baz,foo),y,z notin ()'],
    ['x in (a,a,b)', 'x in (a,b)'],
    ['x in (,a)', 'x in (,a)'],
    ['replicas>3', 'replicas>3'],
    ['replicas<10', 'replicas<10'],
    ['app=', 'app='],
    ['app.kubernetes.io/name=web', 'app.kubernetes.io/name=web'],
    ['in in (in,notin)', 'in in (in,notin)'],
    ['a=b\t,\nc', 'a=b,c'],
  ];
  it.each(cases)('%j → %j', (input, printed) => {
    expect(labelSelectorToString(parseLabelSelector(input))).toBe(printed);
  });
});

describe('parseLabelSelector: invalid input gives 400 with upstream text', () => {
  const nameRegex = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  const cases: [string, string][] = [
    ['x in', "unable to parse requirement: found '' expected: '('"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['x in (a=)', "unable to parse requirement: found '=', expected: ',' or ')'"],
    ['x (a)', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['x=a=b', "found '=', expected: ',' or 'end of string'"],
    ['x=a,', "found '', expected: identifier after ','"],
    ['x=a,=b', "found '=', expected: identifier after ','"],
    [',x', "found ',', expected: !, identifier, or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x=(a)', "unable to parse requirement: found '(', expected: identifier"],
    [
      '-bad=1',
      `unable to parse requirement: <nil>: Invalid value: "-bad": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '${nameRegex}')`,
    ],
    [
      'Example.com/x=1',
      "unable to parse requirement: <nil>: Invalid value: \"Example.com/x\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    [
      'app=-web',
      "unable to parse requirement: values[0][app]: Invalid value: \"-web\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ],
    ['n>abc', `unable to parse requirement: values[0]: Invalid value: "abc": for 'Gt', 'Lt' operators, the value must be an integer`],
  ];
  it.each(cases)('%j', (input, message) => {
    const err = parseError(input);
    expect(err.code).toBe(400);
    expect(err.reason).toBe('BadRequest');
    expect(err.message).toBe(message);
  });

  it('rejects keys and values longer than 63 characters', () => {
    expect(parseError(`${'a'.repeat(64)}=1`).message).toContain('name part must be no more than 63 characters');
    expect(parseError(`a=${'b'.repeat(64)}`).message).toContain('must be no more than 63 characters');
  });

  it('rejects a negative bound for > because it is not a valid label value', () => {
    expect(parseError('n>-1').message).toContain('values[0][n]: Invalid value: "-1"');
  });
});

describe('matchesLabels', () => {
  const web = { app: 'web', tier: 'frontend', replicas: '5' };
  const bare = { other: 'x' };
  const cases: [string, Record<string, string> | undefined, boolean][] = [
    ['app=web', web, true],
    ['app==web', web, true],
    ['app=db', web, false],
    ['app=web', bare, false],
    ['app!=db', web, true],
    ['app!=web', web, false],
    ['app!=web', bare, true],
    ['app!=web', undefined, true],
    ['tier in (frontend,backend)', web, true],
    ['tier in (backend)', web, false],
    ['tier in (frontend)', bare, false],
    ['tier notin (backend)', web, true],
    ['tier notin (frontend)', web, false],
    ['tier notin (frontend)', bare, true],
    ['app', web, true],
    ['app', bare, false],
    ['!app', bare, true],
    ['!app', web, false],
    ['replicas>3', web, true],
    ['replicas>5', web, false],
    ['replicas<6', web, true],
    ['replicas<3', bare, false],
    ['app>3', web, false],
    ['app=web,tier=frontend', web, true],
    ['app=web,tier=backend', web, false],
    ['app=', { app: '' }, true],
    ['app=', bare, false],
    ['', undefined, true],
  ];
  it.each(cases)('%j on %j → %s', (selector, labels, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
  });

  it('does not treat inherited object properties as labels', () => {
    expect(matchesLabels(parseLabelSelector('constructor'), {})).toBe(false);
    expect(matchesLabels(parseLabelSelector('!toString'), {})).toBe(true);
  });
});
