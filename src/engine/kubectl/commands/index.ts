/**
 * The command table. One file per verb; the interpreter only parses and dispatches, and a
 * lesson may offer a subset of this table.
 */
import type { Command } from '../types.ts';
import { annotate } from './annotate.ts';
import { apiResources } from './api-resources.ts';
import { apply } from './apply.ts';
import { auth } from './auth.ts';
import { cni } from './cni.ts';
import { config } from './config.ts';
import { createCommand } from './create.ts';
import { createCronJob } from './create/cronjob.ts';
import { createJob } from './create/job.ts';
import { createClusterRole, createRole } from './create/role.ts';
import { createClusterRoleBinding, createRoleBinding } from './create/rolebinding.ts';
import { del } from './delete.ts';
import { describe } from './describe.ts';
import { edit } from './edit.ts';
import { exec } from './exec.ts';
import { explain } from './explain.ts';
import { expose } from './expose.ts';
import { get } from './get.ts';
import { label } from './label.ts';
import { patch } from './patch.ts';
import { probe } from './probe.ts';
import { replace } from './replace.ts';
import { resolve } from './resolve.ts';
import { run } from './run.ts';
import { scale } from './scale.ts';
import { whoCan } from './who-can.ts';

const create = createCommand({
  clusterRole: createClusterRole,
  clusterRoleBinding: createClusterRoleBinding,
  cronJob: createCronJob,
  job: createJob,
  role: createRole,
  roleBinding: createRoleBinding,
});

/** kubectl's verbs first, then the nslab extensions (probe, resolve, explain, who-can). */
export const COMMANDS: readonly Command[] = [
  get,
  describe,
  apply,
  create,
  del,
  run,
  expose,
  label,
  annotate,
  scale,
  patch,
  replace,
  edit,
  exec,
  auth,
  config,
  apiResources,
  probe,
  cni,
  resolve,
  explain,
  whoCan,
];
