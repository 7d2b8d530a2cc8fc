/**
 * What kubectl offers that the app loads on demand: the name, usage and flags of each command
 * whose implementation stays out of the first download (describe's printers, the patch
 * machinery, the nslab explainers…). A table can name these commands — help, flag errors and
 * completion all work — and runs them once their implementation is there (deferred.ts).
 */
import type { CommandSpec, FlagSpec } from '../types.ts';
import { GENERATOR_FLAGS } from './create/common.ts';
import { FILENAME_FLAG } from './manifests.ts';
import { DRY_RUN_FLAG, OUTPUT_FLAG } from './output-flags.ts';

export const describeSpec: CommandSpec = {
  name: 'describe',
  args: 'resource',
  short: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    {
      ...FILENAME_FLAG,
      description: 'Filename, directory, or URL to files containing the resource to describe',
    },
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      description: 'If present, list the requested object(s) across all namespaces.',
    },
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      description: 'Selector (label query) to filter on.',
    },
    {
      name: 'show-events',
      type: 'bool',
      default: true,
      description: 'If true, display events related to the described object.',
    },
  ],
};

export const patchSpec: CommandSpec = {
  name: 'patch',
  args: 'resource',
  short: 'Update fields of a resource',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: [
    {
      name: 'patch',
      short: 'p',
      type: 'string',
      description: 'The patch to be applied to the resource JSON file.',
    },
    {
      name: 'patch-file',
      type: 'string',
      description: 'A file containing a patch to be applied to the resource.',
    },
    {
      name: 'type',
      type: 'string',
      description: 'The type of patch being provided; one of [json merge strategic]',
    },
    {
      name: 'local',
      type: 'bool',
      description:
        'If true, patch will operate on the content of the file, not the server-side resource.',
    },
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    {
      ...FILENAME_FLAG,
      description: 'Filename, directory, or URL to files identifying the resource to update',
    },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      description: 'Process the directory used in -f, --filename recursively.',
    },
    {
      name: 'field-manager',
      type: 'string',
      description: 'Name of the manager used to track field ownership.',
    },
    {
      name: 'subresource',
      type: 'string',
      description: 'If specified, patch will operate on the subresource of the requested object.',
    },
    {
      name: 'show-managed-fields',
      type: 'bool',
      description: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
    },
  ],
};

export const replaceSpec: CommandSpec = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  usage: 'kubectl replace -f FILENAME [options]',
  flags: [
    FILENAME_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    {
      name: 'force',
      type: 'bool',
      description: 'If true, immediately remove resources from API and bypass graceful deletion.',
    },
    {
      name: 'save-config',
      type: 'bool',
      description: 'If true, the configuration of current object will be saved in its annotation.',
    },
    {
      name: 'validate',
      type: 'string',
      description: 'Must be one of: strict (or true), warn, ignore (or false).',
    },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      description: 'Process the directory used in -f recursively.',
    },
  ],
};

export const editSpec: CommandSpec = {
  name: 'edit',
  args: 'resource',
  short: 'Edit a resource on the server',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: [],
};

export const explainSpec: CommandSpec = {
  name: 'explain',
  args: 'resource',
  short: 'Get documentation for a resource; with --from, every hop of a connection (nslab)',
  usage:
    'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [--output=plaintext] [options]\n' +
    '  explain --from NS/POD --to NS/POD|URL [--port N] [--protocol P]   (nslab: a connection, hop by hop)',
  flags: [
    {
      name: 'recursive',
      type: 'bool',
      description:
        'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.',
    },
    {
      name: 'api-version',
      type: 'string',
      description: 'Use given api-version (group/version) of the resource.',
    },
    {
      name: 'output',
      type: 'string',
      default: 'plaintext',
      values: ['plaintext'],
      description: 'Format in which to render the schema. Valid values are: (plaintext).',
    },
    { name: 'from', type: 'string', description: 'Source pod (NS/POD)' },
    { name: 'to', type: 'string', description: 'Destination pod (NS/POD) or URL' },
    { name: 'port', type: 'int', description: 'Destination port (overrides the URL port)' },
    { name: 'protocol', type: 'string', description: 'TCP (default), UDP or SCTP' },
  ],
};

export const whoCanSpec: CommandSpec = {
  name: 'who-can',
  short: 'List the subjects that may perform an action, and the bindings that allow it (nslab)',
  usage:
    'who-can VERB (TYPE[.GROUP] | TYPE[.GROUP]/NAME | NONRESOURCEURL) [--subresource SUB] [-n NS | -A]',
  flags: [
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      description: 'If true, look for RoleBindings in all namespaces.',
    },
    { name: 'subresource', type: 'string', description: 'SubResource such as pods/log' },
  ],
};

export const apiResourcesSpec: CommandSpec = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    {
      name: 'api-group',
      type: 'string',
      description: 'Limit to resources in the specified API group.',
    },
    { name: 'cached', type: 'bool', description: 'Use the cached list of resources if available.' },
    {
      name: 'categories',
      type: 'strings',
      description: 'Limit to resources that belong to the specified categories.',
    },
    {
      name: 'namespaced',
      type: 'bool',
      description:
        'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
    },
    {
      name: 'no-headers',
      type: 'bool',
      description:
        "When using the default or custom-column output format, don't print headers (default print headers).",
    },
    {
      name: 'output',
      short: 'o',
      type: 'string',
      description: 'Output format. One of: (wide, name).',
    },
    {
      name: 'sort-by',
      type: 'string',
      description:
        "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
    },
    {
      name: 'verbs',
      type: 'strings',
      description: 'Limit to resources that support the specified verbs.',
    },
  ],
};

export const probeSpec: CommandSpec = {
  name: 'probe',
  short: 'NetworkPolicy truth table over all pods (nslab)',
  usage: 'probe [--port N] [--protocol TCP|UDP|SCTP] [-o json]',
  flags: [
    { name: 'port', type: 'int', description: 'Destination port to probe.', default: 80 },
    {
      name: 'protocol',
      type: 'string',
      description: 'Protocol to probe: TCP, UDP or SCTP.',
      default: 'TCP',
    },
    { ...OUTPUT_FLAG, description: 'Output format: json, or a grid when omitted.' },
  ],
};

export const resolveSpec: CommandSpec = {
  name: 'resolve',
  short: 'Resolve a DNS name from a pod, showing the search list (nslab)',
  usage: 'resolve --from NS/POD NAME [--type A|AAAA|SRV|CNAME|PTR] [-o json]',
  flags: [
    { name: 'from', type: 'string', description: 'The pod (NS/POD) whose resolver to use' },
    {
      name: 'type',
      type: 'string',
      description: 'Query type: A, AAAA, SRV, CNAME or PTR',
      default: 'A',
    },
    { name: 'output', short: 'o', type: 'string', description: 'Output format: json' },
  ],
};

export const cniSpec: CommandSpec = {
  name: 'cni',
  short: 'Show or set whether the network plugin enforces NetworkPolicy (nslab)',
  usage:
    'cni [calico|cilium|flannel|enforcing|not-enforcing]\n\n' +
    '  cni            prints whether NetworkPolicy is enforced\n' +
    '  cni calico     (or cilium, enforcing) enforce NetworkPolicy: the default\n' +
    '  cni flannel    (or not-enforcing) a plugin without NetworkPolicy support: every connection is allowed',
  flags: [],
};

/** Flags label and annotate both declare. */
export const EDIT_FLAGS: readonly FlagSpec[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  {
    name: 'overwrite',
    type: 'bool',
    description: 'If true, allow existing values to be overwritten.',
  },
  { name: 'list', type: 'bool', description: 'If true, display the values for a given resource.' },
  {
    name: 'local',
    type: 'bool',
    description: 'If true, will NOT contact api-server but run locally.',
  },
  {
    name: 'all',
    type: 'bool',
    description: 'Select all resources, in the namespace of the specified resource types',
  },
  {
    name: 'all-namespaces',
    short: 'A',
    type: 'bool',
    description: 'If true, check the specified action in all namespaces.',
  },
  {
    name: 'selector',
    short: 'l',
    type: 'string',
    description: 'Selector (label query) to filter on.',
  },
  { name: 'field-selector', type: 'string', description: 'Selector (field query) to filter on.' },
  {
    name: 'resource-version',
    type: 'string',
    description: 'Only update if this is the current resource-version.',
  },
  {
    name: 'field-manager',
    type: 'string',
    description: 'Name of the manager used to track field ownership.',
  },
  {
    name: 'recursive',
    short: 'R',
    type: 'bool',
    description: 'Process the directory used in -f recursively.',
  },
];

export const runSpec: CommandSpec = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage:
    'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'image', type: 'string', description: 'The image for the container to run.' },
    { name: 'env', type: 'strings', description: 'Environment variables to set in the container.' },
    { name: 'port', type: 'string', description: 'The port that this container exposes.' },
    {
      name: 'labels',
      short: 'l',
      type: 'string',
      description: 'Comma separated labels to apply to the pod. Will override previous values.',
    },
    { name: 'annotations', type: 'strings', description: 'Annotations to apply to the pod.' },
    {
      name: 'restart',
      type: 'string',
      default: 'Always',
      description: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
    },
    {
      name: 'command',
      type: 'bool',
      description:
        "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    },
    {
      name: 'expose',
      type: 'bool',
      description:
        'If true, create a ClusterIP service associated with the pod.  Requires `--port`.',
    },
    {
      name: 'image-pull-policy',
      type: 'string',
      description: 'The image pull policy for the container.',
    },
    {
      name: 'stdin',
      short: 'i',
      type: 'bool',
      description: 'Keep stdin open on the container in the pod.',
    },
    {
      name: 'tty',
      short: 't',
      type: 'bool',
      description: 'Allocate a TTY for the container in the pod.',
    },
    {
      name: 'attach',
      type: 'bool',
      description: 'Wait for the Pod to start running, and then attach to it.',
    },
    {
      name: 'leave-stdin-open',
      type: 'bool',
      description: 'Leave stdin open after the first attach.',
    },
    { name: 'rm', type: 'bool', description: 'If true, delete the pod after it exits.' },
    { name: 'quiet', short: 'q', type: 'bool', description: 'If true, suppress prompt messages.' },
    {
      name: 'privileged',
      type: 'bool',
      description: 'If true, run the container in privileged mode.',
    },
    {
      name: 'overrides',
      type: 'string',
      description: 'An inline JSON override for the generated object.',
    },
    {
      name: 'pod-running-timeout',
      type: 'string',
      description: 'The length of time to wait for the pod.',
    },
  ],
};

export const execSpec: CommandSpec = {
  name: 'exec',
  args: 'pod',
  short: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    {
      name: 'container',
      short: 'c',
      type: 'string',
      description:
        'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
    },
    { name: 'stdin', short: 'i', type: 'bool', description: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', description: 'Stdin is a TTY' },
    {
      name: 'quiet',
      short: 'q',
      type: 'bool',
      description: 'Only print output from the remote session',
    },
    {
      name: 'pod-running-timeout',
      type: 'string',
      description:
        'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
    },
  ],
};

export const exposeSpec: CommandSpec = {
  name: 'expose',
  short:
    'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage:
    'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    ...GENERATOR_FLAGS,
    FILENAME_FLAG,
    {
      name: 'protocol',
      type: 'string',
      description: "The network protocol for the service to be created. Default is 'TCP'.",
    },
    { name: 'port', type: 'string', description: 'The port that the service should serve on.' },
    {
      name: 'type',
      type: 'string',
      description:
        "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.",
    },
    { name: 'load-balancer-ip', type: 'string', description: 'IP to assign to the LoadBalancer.' },
    { name: 'selector', type: 'string', description: 'A label selector to use for this service.' },
    {
      name: 'labels',
      short: 'l',
      type: 'string',
      description: 'Labels to apply to the service created by this call.',
    },
    {
      name: 'target-port',
      type: 'string',
      description:
        'Name or number for the port on the container that the service should direct traffic to.',
    },
    {
      name: 'external-ip',
      type: 'string',
      description: 'Additional external IP address to accept for the service.',
    },
    { name: 'name', type: 'string', description: 'The name for the newly created object.' },
    {
      name: 'session-affinity',
      type: 'string',
      description:
        "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'",
    },
    { name: 'cluster-ip', type: 'string', description: 'ClusterIP to be assigned to the service.' },
  ],
};

export const labelSpec: CommandSpec = {
  name: 'label',
  args: 'resource',
  short: 'Update the labels on a resource',
  usage:
    'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: EDIT_FLAGS,
};

export const annotateSpec: CommandSpec = {
  name: 'annotate',
  args: 'resource',
  short: 'Update the annotations on a resource',
  usage:
    'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: EDIT_FLAGS,
};

export const scaleSpec: CommandSpec = {
  name: 'scale',
  args: 'resource',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  usage:
    'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    { name: 'replicas', type: 'int', description: 'The new desired number of replicas. Required.' },
    {
      name: 'current-replicas',
      type: 'int',
      default: -1,
      description: 'Precondition for current size. -1 (default) for no condition.',
    },
    { name: 'resource-version', type: 'string', description: 'Precondition for resource version.' },
    {
      name: 'all',
      type: 'bool',
      description: 'Select all resources in the namespace of the specified resource types',
    },
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      description: 'Selector (label query) to filter on.',
    },
    {
      name: 'timeout',
      type: 'string',
      description: 'The length of time to wait before giving up on a scale operation.',
    },
  ],
};
