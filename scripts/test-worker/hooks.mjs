// Module hooks of a test worker: every import of 'node:test' but node-test.mjs's own gets node-test.mjs.
const shim = new URL('./node-test.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if ((specifier === 'node:test' || specifier === 'test') && context.parentURL !== shim) return { url: shim, shortCircuit: true };
  return next(specifier, context);
}
