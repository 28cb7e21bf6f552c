// The round's id from a page address: a number, else "not found" (never a database error).
import { NotFoundError } from '../../domain/errors.ts';

export const roundId = (params: { id: string }): number => {
  if (!/^\d{1,9}$/.test(params.id)) throw new NotFoundError(`There is no reporting round "${params.id}".`);
  return Number(params.id);
};

/** A part of a plan's id from a page address. */
export const nodeIdOf = (params: { node: string }): number => {
  if (!/^\d{1,9}$/.test(params.node)) throw new NotFoundError(`There is no programme "${params.node}".`);
  return Number(params.node);
};
