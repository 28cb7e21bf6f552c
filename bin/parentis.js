#!/usr/bin/env node
// Command-line entry: registers the TypeScript loader, then runs the Parentis command line.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
