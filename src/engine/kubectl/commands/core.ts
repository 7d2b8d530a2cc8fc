/**
 * The command table the app starts with: kubectl's verbs in COMMANDS' order, the heavy ones
 * deferred — named by their specs, implemented in COMMANDS (commands/index.ts), which the app
 * loads when a line first needs one of them.
 */
import type { Command } from '../types.ts';
import { apply } from './apply.ts';
import { auth } from './auth.ts';
import {
  configGroup,
  currentContextSpec,
  getContextsSpec,
  setContextSpec,
  useContextSpec,
  viewSpec,
} from './config-specs.ts';
import { createCommand } from './create.ts';
import {
  createClusterRoleBindingSpec,
  createClusterRoleSpec,
  createCronJobSpec,
  createJobSpec,
  createRoleBindingSpec,
  createRoleSpec,
} from './create/generator-specs.ts';
import { deferred } from './deferred.ts';
import {
  annotateSpec,
  apiResourcesSpec,
  cniSpec,
  describeSpec,
  editSpec,
  execSpec,
  exposeSpec,
  explainSpec,
  labelSpec,
  patchSpec,
  probeSpec,
  replaceSpec,
  resolveSpec,
  runSpec,
  scaleSpec,
  whoCanSpec,
} from './deferred-specs.ts';
import { del } from './delete.ts';
import { get } from './get.ts';

const create = createCommand({
  clusterRole: deferred(createClusterRoleSpec),
  clusterRoleBinding: deferred(createClusterRoleBindingSpec),
  cronJob: deferred(createCronJobSpec),
  job: deferred(createJobSpec),
  role: deferred(createRoleSpec),
  roleBinding: deferred(createRoleBindingSpec),
});

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
  deferred(runSpec),
  deferred(exposeSpec),
  deferred(labelSpec),
  deferred(annotateSpec),
  deferred(scaleSpec),
  deferred(patchSpec),
  deferred(replaceSpec),
  deferred(editSpec),
  deferred(execSpec),
  auth,
  configGroup(
    [setContextSpec, useContextSpec, viewSpec, currentContextSpec, getContextsSpec].map(deferred),
  ),
  deferred(apiResourcesSpec),
  deferred(probeSpec),
  deferred(cniSpec),
  deferred(resolveSpec),
  deferred(explainSpec),
  deferred(whoCanSpec),
];
