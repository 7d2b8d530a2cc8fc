/**
 * The command table the app starts with: kubectl's verbs in COMMANDS' order, the heavy ones
 * deferred — named by their specs, implemented in COMMANDS (commands/index.ts), which the app
 * loads when a line first needs one of them.
 */
import type { Command } from '../types.ts';
import { annotate } from './annotate.ts';
import { apply } from './apply.ts';
import { auth } from './auth.ts';
import { config } from './config.ts';
import { create } from './create.ts';
import { deferred } from './deferred.ts';
import {
  apiResourcesSpec,
  cniSpec,
  describeSpec,
  editSpec,
  explainSpec,
  patchSpec,
  probeSpec,
  replaceSpec,
  resolveSpec,
  whoCanSpec,
} from './deferred-specs.ts';
import { del } from './delete.ts';
import { exec } from './exec.ts';
import { expose } from './expose.ts';
import { get } from './get.ts';
import { label } from './label.ts';
import { run } from './run.ts';
import { scale } from './scale.ts';

/**
 * The app's first table: the same verbs in the same order, the heavy ones deferred (their specs
 * only). A line that reaches one comes back with `needs`; the caller loads COMMANDS and reruns.
 */
export const CORE_COMMANDS: readonly Command[] = [
  get,
  deferred(describeSpec),
  apply,
  create,
  del,
  run,
  expose,
  label,
  annotate,
  scale,
  deferred(patchSpec),
  deferred(replaceSpec),
  deferred(editSpec),
  exec,
  auth,
  config,
  deferred(apiResourcesSpec),
  deferred(probeSpec),
  deferred(cniSpec),
  deferred(resolveSpec),
  deferred(explainSpec),
  deferred(whoCanSpec),
];
