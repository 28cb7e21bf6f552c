// The input guard's reading of a request: which field holds a zero byte, and which address ids are absurd.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../domain/errors.ts';
import { checkRequestInput } from './input-guard.ts';

const request = (parts: { params?: object; query?: object; body?: unknown }) => ({ params: {}, query: {}, body: undefined, ...parts }) as unknown as FastifyRequest;

const fieldOf = (parts: { params?: object; query?: object; body?: unknown }): string | undefined => {
  try {
    checkRequestInput(request(parts));
    return undefined;
  } catch (err) {
    assert.ok(err instanceof ValidationError);
    return err.field;
  }
};

test('checkRequestInput names a nested body field, a repeated form field and a query parameter with a zero byte', () => {
  assert.equal(fieldOf({ body: { proposal: { reason: 'late\u0000' } } }), 'proposal.reason');
  assert.equal(fieldOf({ body: { status: ['G', 'R\u0000'] } }), 'status');
  assert.equal(fieldOf({ query: { q: '\u0000' } }), 'q');
});

test('checkRequestInput refuses an id beyond any record but leaves other address parts alone', () => {
  assert.equal(fieldOf({ params: { id: '2147483648' } }), 'id');
  assert.equal(fieldOf({ params: { tokenId: '99999999999999999999' } }), 'tokenId');
  assert.equal(fieldOf({ params: { id: '2147483647' } }), undefined);
  assert.equal(fieldOf({ params: { number: '99999999999999999999' } }), undefined);
});

test('checkRequestInput lets clean input through', () => {
  assert.equal(fieldOf({ params: { slug: 'cypp' }, query: { q: 'foster' }, body: { title: 'Placements', n: 3, flag: null } }), undefined);
});
