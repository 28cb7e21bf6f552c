// The one map from Parentis's errors to HTTP answers that pages and the API share.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError, ForbiddenError, NotFoundError, ParentisError, StaleWriteError, ValidationError } from '../domain/errors.ts';
import { httpProblem, problemJson } from './errors.ts';

test('httpProblem answers each domain error with its status and message', () => {
  assert.deepEqual(httpProblem(new NotFoundError('No such plan')), { status: 404, message: 'No such plan' });
  assert.deepEqual(httpProblem(new ForbiddenError('Not your role')), { status: 403, message: 'Not your role' });
  assert.deepEqual(httpProblem(new ConflictError('Already there')), { status: 409, message: 'Already there' });
  assert.deepEqual(httpProblem(new ParentisError('Bad')), { status: 400, message: 'Bad' });
});

test('httpProblem names the field of a validation error and the version of a stale write', () => {
  assert.deepEqual(httpProblem(new ValidationError('Enter a title', 'title')), { status: 400, message: 'Enter a title', field: 'title' });
  assert.deepEqual(httpProblem(new StaleWriteError('Changed since', 7)), { status: 409, message: 'Changed since', currentVersion: 7 });
});

test('httpProblem keeps a 4xx Fastify chose and hides everything else behind a 500', () => {
  assert.deepEqual(httpProblem(Object.assign(new Error('Body is too large'), { statusCode: 413 })), { status: 413, message: 'Body is too large' });
  assert.deepEqual(httpProblem(new Error('connection refused: secret host')), { status: 500, message: undefined });
  assert.deepEqual(httpProblem(Object.assign(new Error('boom'), { statusCode: 502 })), { status: 500, message: undefined });
});

test('problemJson gives the field and version when known and only the reference for a 500', () => {
  assert.deepEqual(problemJson(httpProblem(new ValidationError('Enter a title', 'title')), 'r1'), { error: 'Enter a title', field: 'title' });
  assert.deepEqual(problemJson(httpProblem(new StaleWriteError('Changed since', 7)), 'r1'), { error: 'Changed since', currentVersion: 7 });
  assert.deepEqual(problemJson(httpProblem(new Error('secret')), 'r1'), { error: 'Something went wrong (reference r1). The error has been logged.' });
});
