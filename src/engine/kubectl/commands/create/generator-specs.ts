/**
 * The specs (name, usage, flags) of the `kubectl create` generators the app loads on demand:
 * roles and bindings, jobs and cron jobs. The create command names them from the start
 * (create.ts); their implementations come with the whole table.
 */
import type { CommandSpec, FlagSpec } from '../../types.ts';
import { GENERATOR_FLAGS } from './common.ts';

export const ROLE_FLAGS: FlagSpec[] = [
  {
    name: 'verb',
    type: 'strings',
    description: 'Verb that applies to the resources contained in the rule',
  },
  { name: 'resource', type: 'strings', description: 'Resource that the rule applies to' },
  {
    name: 'resource-name',
    type: 'strings',
    description:
      'Resource in the white list that the rule applies to, repeat this flag for multiple items',
  },
];

export const SUBJECT_FLAGS = (what: string): FlagSpec[] => [
  {
    name: 'user',
    type: 'strings',
    description: `Usernames to bind to the ${what}. The flag can be repeated to add multiple users.`,
  },
  {
    name: 'group',
    type: 'strings',
    description: `Groups to bind to the ${what}. The flag can be repeated to add multiple groups.`,
  },
  {
    name: 'serviceaccount',
    type: 'strings',
    description: `Service accounts to bind to the ${what}, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.`,
  },
];

export const createRoleSpec: CommandSpec = {
  name: 'role',
  short: 'Create a role with single rule',
  usage:
    'kubectl create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none] [options]',
  flags: [...GENERATOR_FLAGS, ...ROLE_FLAGS],
};

export const createClusterRoleSpec: CommandSpec = {
  name: 'clusterrole',
  short: 'Create a cluster role',
  usage:
    'kubectl create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none] [options]',
  flags: [
    ...GENERATOR_FLAGS,
    ...ROLE_FLAGS,
    {
      name: 'non-resource-url',
      type: 'strings',
      description: 'A partial url that user should have access to.',
    },
    {
      name: 'aggregation-rule',
      type: 'strings',
      description: 'An aggregation label selector for combining ClusterRoles.',
    },
  ],
};

export const createRoleBindingSpec: CommandSpec = {
  name: 'rolebinding',
  short: 'Create a role binding for a particular role or cluster role',
  usage:
    'kubectl create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]',
  flags: [
    ...GENERATOR_FLAGS,
    {
      name: 'clusterrole',
      type: 'string',
      description: 'ClusterRole this RoleBinding should reference',
    },
    { name: 'role', type: 'string', description: 'Role this RoleBinding should reference' },
    ...SUBJECT_FLAGS('role'),
  ],
};

export const createClusterRoleBindingSpec: CommandSpec = {
  name: 'clusterrolebinding',
  short: 'Create a cluster role binding for a particular cluster role',
  usage:
    'kubectl create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]',
  flags: [
    ...GENERATOR_FLAGS,
    {
      name: 'clusterrole',
      type: 'string',
      description: 'ClusterRole this ClusterRoleBinding should reference',
    },
    ...SUBJECT_FLAGS('clusterrole'),
  ],
};

export const createCronJobSpec: CommandSpec = {
  name: 'cronjob',
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  usage:
    "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]",
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'image', type: 'string', description: 'Image name to run.' },
    {
      name: 'schedule',
      type: 'string',
      description: 'A schedule in the Cron format the job should be run with.',
    },
    {
      name: 'restart',
      type: 'string',
      description: "job's restart policy. supported values: OnFailure, Never",
    },
  ],
};

export const createJobSpec: CommandSpec = {
  name: 'job',
  short: 'Create a job with the specified name',
  usage:
    'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'image', type: 'string', description: 'Image name to run.' },
    {
      name: 'from',
      type: 'string',
      description: 'The name of the resource to create a Job from (only cronjob is supported).',
    },
  ],
};
