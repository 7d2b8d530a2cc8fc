/**
 * What `kubectl explain` says about a type or a field, in Namespace Lab's own words (the
 * structure comes from the API, schema.ts; the prose here is ours and short). A field is looked
 * up as `Type.field`, then by its name alone (`metadata`, `selector`… mean the same wherever
 * they appear); a field with neither prints kubectl's own `<no description>`.
 */

/** By type name (the last part of a schema key). */
export const TYPE_DOCS: Readonly<Record<string, string>> = {
  Namespace:
    'A namespace: a named scope for names of namespaced objects, and the unit that policies, quotas and RBAC bindings apply to.',
  NamespaceSpec: 'What a namespace should be: the finalizers that must run before it is deleted.',
  NamespaceStatus: 'What the namespace is now: its phase and conditions.',
  Pod: 'A pod: one or more containers that share a network identity (one IP address), storage and a lifecycle, scheduled together on one node.',
  PodSpec:
    'What a pod should run: its containers, volumes, scheduling constraints, identity and DNS settings.',
  PodStatus:
    'What the pod is now, as the kubelet last reported it: phase, conditions, addresses and the state of each container.',
  Container:
    'One container of a pod: the image it runs, its command, ports, environment, probes and resources.',
  ContainerPort: 'A network port a container declares it listens on.',
  EnvVar: 'One environment variable given to a container.',
  EnvVarSource: 'Where an environment variable takes its value from, instead of a literal value.',
  Probe:
    'A check the kubelet runs against a container to decide whether it is alive, ready or started.',
  ResourceRequirements:
    'The compute resources a container asks for (requests) and may not exceed (limits).',
  Service:
    'A Service: a stable name and virtual IP address for a set of pods chosen by a label selector, with the ports it forwards to them.',
  ServiceSpec:
    'What a Service should be: which pods it selects, its ports, its type and its cluster IP.',
  ServiceStatus: 'What the Service is now: its load balancer, if any, and conditions.',
  ServicePort: 'One port a Service offers, and the port on the selected pods it forwards to.',
  Endpoints:
    'The addresses and ports that currently back a Service (the older, single-object form of EndpointSlice).',
  EndpointSubset: 'A group of addresses that share the same set of ports.',
  EndpointAddress: 'One backend address of a Service.',
  EndpointSlice:
    'A slice of the endpoints behind a Service: addresses, their readiness and the ports they serve.',
  Endpoint: 'One backend of a Service in an EndpointSlice, with its addresses and conditions.',
  EndpointConditions: 'Whether an endpoint is ready, serving or terminating.',
  ServiceAccount:
    'A ServiceAccount: an identity for processes in pods, used when they call the API server.',
  ConfigMap:
    'A ConfigMap: non-secret configuration data as key-value pairs that pods can read as environment variables or files.',
  Secret:
    'A Secret: sensitive data (passwords, tokens, keys) as key-value pairs, base64-encoded in data.',
  Node: 'A node: a worker machine in the cluster that runs pods.',
  NodeSpec: 'What a node should be: its pod address range, taints and whether it accepts new pods.',
  NodeStatus: 'What the node is now: addresses, capacity, conditions and system information.',
  NetworkPolicy:
    'A NetworkPolicy: which traffic the pods it selects may receive (ingress) and send (egress). Once a pod is selected for a direction, only traffic some policy allows in that direction passes.',
  NetworkPolicySpec:
    'Which pods the policy applies to, which directions it isolates, and the traffic it allows.',
  NetworkPolicyIngressRule:
    'Traffic allowed into the selected pods: it must come from one of the peers in from and go to one of the ports. An empty rule allows everything.',
  NetworkPolicyEgressRule:
    'Traffic allowed out of the selected pods: it must go to one of the peers in to and to one of the ports. An empty rule allows everything.',
  NetworkPolicyPeer:
    'One source or destination of allowed traffic. Peers in a list are ORed; podSelector and namespaceSelector in the same peer are ANDed.',
  NetworkPolicyPort: 'A port (or port range) and protocol that allowed traffic must use.',
  IPBlock: 'A range of IP addresses in CIDR notation, minus the ranges in except.',
  Role: 'A Role: a set of permissions (rules) within one namespace.',
  ClusterRole:
    'A ClusterRole: a set of permissions (rules) that is not tied to a namespace; a RoleBinding can grant it in one namespace, a ClusterRoleBinding everywhere.',
  RoleBinding:
    "A RoleBinding: grants the permissions of a Role or ClusterRole to subjects, within the binding's namespace.",
  ClusterRoleBinding:
    'A ClusterRoleBinding: grants the permissions of a ClusterRole to subjects in every namespace.',
  PolicyRule:
    'One permission: the verbs allowed on the listed resources (or non-resource URLs). Rules only add permissions; nothing denies.',
  RoleRef: 'The role a binding grants. It cannot be changed once the binding exists.',
  Subject: 'Who a binding grants the role to: a user, a group or a ServiceAccount.',
  AggregationRule: 'How a ClusterRole collects the rules of other ClusterRoles chosen by labels.',
  Deployment:
    'A Deployment: keeps a number of identical pods running from a template, and rolls out changes through ReplicaSets.',
  DeploymentSpec:
    'What the Deployment should maintain: replicas, the pod template, the selector and the rollout strategy.',
  DeploymentStatus:
    'What the Deployment is now: how many replicas exist, are updated, ready and available.',
  DeploymentStrategy: 'How a Deployment replaces old pods with new ones.',
  ReplicaSet:
    'A ReplicaSet: keeps a number of pods matching its selector running. Deployments manage them.',
  ReplicaSetSpec: 'What the ReplicaSet should maintain: replicas, selector and pod template.',
  ReplicaSetStatus: 'What the ReplicaSet is now: its replica counts.',
  StatefulSet:
    'A StatefulSet: pods with stable names (name-0, name-1…), stable DNS names through a headless Service, and their own storage.',
  StatefulSetSpec:
    'What the StatefulSet should maintain: replicas, pod template, the governing Service and volume claim templates.',
  StatefulSetStatus: 'What the StatefulSet is now: its replica counts and revisions.',
  DaemonSet: 'A DaemonSet: runs one copy of a pod on every (selected) node.',
  DaemonSetSpec: 'What the DaemonSet should run: its selector, pod template and update strategy.',
  DaemonSetStatus: 'What the DaemonSet is now: how many nodes run its pod.',
  Job: 'A Job: runs pods until a number of them finish successfully.',
  JobSpec: 'What the Job should do: its pod template, completions, parallelism and retry limits.',
  JobStatus: 'What the Job is now: active, succeeded and failed pods, and its conditions.',
  ObjectMeta:
    'Metadata every stored object has: name, namespace, labels, annotations and the fields the API server maintains.',
  LabelSelector:
    'A label query. matchLabels and matchExpressions are ANDed; an empty selector matches everything, a missing one nothing.',
  LabelSelectorRequirement: 'One condition of a label selector: a key, an operator and values.',
  OwnerReference:
    'The object that owns this one; when the owner is deleted, the garbage collector deletes what it owns.',
  ManagedFieldsEntry: 'Which field manager set which fields of the object, for server-side apply.',
  PodTemplateSpec: 'The pods a workload creates: their metadata and spec.',
  Volume: 'A named volume that containers of the pod can mount.',
  VolumeMount: 'Where a volume appears inside a container.',
  SecurityContext: 'Security settings for one container (user, capabilities, privilege).',
  PodSecurityContext: 'Security settings for every container of a pod.',
  ObjectReference: 'A reference to another object by kind, namespace and name.',
  LocalObjectReference: 'A reference to an object by name in the same namespace.',
  Condition: "One aspect of an object's current state, with its status and when it last changed.",
};

/** By `Type.field`: what a field means in that type in particular. */
export const FIELD_DOCS: Readonly<Record<string, string>> = {
  'NetworkPolicySpec.podSelector':
    "The pods, in the policy's own namespace, that this policy applies to. An empty selector selects every pod of the namespace.",
  'NetworkPolicySpec.policyTypes':
    'The directions this policy isolates: Ingress, Egress or both. When unset, Ingress always, and Egress if the policy has egress rules.',
  'NetworkPolicySpec.ingress':
    'The traffic allowed into the selected pods. An empty list allows none (when Ingress is isolated).',
  'NetworkPolicySpec.egress':
    'The traffic allowed out of the selected pods. An empty list allows none (when Egress is isolated); DNS to the cluster resolver is traffic too.',
  'NetworkPolicyIngressRule.from':
    'The sources allowed. Empty or missing: any source. Otherwise traffic must match at least one peer.',
  'NetworkPolicyIngressRule.ports': 'The destination ports allowed. Empty or missing: every port.',
  'NetworkPolicyEgressRule.to':
    'The destinations allowed. Empty or missing: any destination. Otherwise traffic must match at least one peer.',
  'NetworkPolicyEgressRule.ports': 'The destination ports allowed. Empty or missing: every port.',
  'NetworkPolicyPeer.podSelector':
    "Pods chosen by label: in the policy's namespace, or in the namespaces namespaceSelector chooses when both are set.",
  'NetworkPolicyPeer.namespaceSelector':
    "Namespaces chosen by their labels (kubernetes.io/metadata.name holds each namespace's name). An empty selector chooses every namespace.",
  'NetworkPolicyPeer.ipBlock':
    'An address range. Cannot be combined with the selectors in the same peer.',
  'NetworkPolicyPort.port': 'A port number or a named container port. Missing: every port.',
  'NetworkPolicyPort.endPort': 'The last port of a range that starts at port (numbers only).',
  'NetworkPolicyPort.protocol': 'TCP (the default), UDP or SCTP.',
  'IPBlock.cidr': 'The address range, e.g. 10.0.0.0/8.',
  'IPBlock.except': 'Ranges inside cidr that are not included.',
  'ServiceSpec.selector':
    'The labels of the pods that back this Service. Without a selector the Service gets no endpoints automatically.',
  'ServiceSpec.ports': 'The ports this Service offers.',
  'ServiceSpec.type':
    'How the Service is exposed: ClusterIP (the default, inside the cluster), NodePort, LoadBalancer or ExternalName (a DNS alias).',
  'ServiceSpec.clusterIP':
    "The Service's virtual IP address, allocated when unset; None makes a headless Service whose DNS name returns the pod addresses.",
  'ServiceSpec.externalName':
    "For type ExternalName: the DNS name the Service's name is an alias (CNAME) for.",
  'ServicePort.port': 'The port the Service listens on.',
  'ServicePort.targetPort':
    'The port on the pods that traffic is sent to: a number or the name of a container port. Defaults to port.',
  'ServicePort.name':
    "The port's name; required when the Service has more than one port. DNS SRV records use it.",
  'ServicePort.protocol': 'TCP (the default), UDP or SCTP.',
  'ServicePort.nodePort': 'For NodePort and LoadBalancer Services: the port opened on every node.',
  'PodSpec.containers': 'The containers of the pod. There must be at least one.',
  'PodSpec.initContainers':
    'Containers that run to completion, one after another, before the main containers start.',
  'PodSpec.serviceAccountName':
    'The ServiceAccount the pod runs as (default: default). Its token is what kubectl in the pod presents.',
  'PodSpec.automountServiceAccountToken':
    'Whether the ServiceAccount token is mounted into the containers.',
  'PodSpec.dnsPolicy':
    "How the pod's /etc/resolv.conf is made: ClusterFirst (the default) uses the cluster DNS with the namespace search list.",
  'PodSpec.dnsConfig': "Extra nameservers, search domains and options for the pod's resolver.",
  'PodSpec.hostname': "The pod's hostname; defaults to the pod's name.",
  'PodSpec.subdomain':
    'With a headless Service of this name, gives the pod the DNS name hostname.subdomain.namespace.svc.',
  'PodSpec.nodeName': 'The node the pod is bound to.',
  'PodSpec.volumes': 'Volumes the containers can mount.',
  'PodSpec.restartPolicy':
    'When the kubelet restarts containers that exit: Always (the default), OnFailure or Never.',
  'PodSpec.enableServiceLinks':
    "Whether Services of the pod's namespace appear as environment variables (WEB_SERVICE_HOST…). Default true.",
  'PodStatus.podIP': "The pod's IP address, from the pod network.",
  'PodStatus.podIPs': "The pod's IP addresses (one per address family).",
  'PodStatus.phase':
    'Where the pod is in its life: Pending, Running, Succeeded, Failed or Unknown.',
  'Container.image': 'The container image to run.',
  'Container.command': "The program to run, replacing the image's entrypoint.",
  'Container.args': "Arguments to the program, replacing the image's default arguments.",
  'Container.ports':
    'The ports the container listens on. Informational for the network, but named ports can be targeted by Services and policies.',
  'Container.env': 'Environment variables for the container.',
  'Container.envFrom': 'ConfigMaps or Secrets whose keys all become environment variables.',
  'Container.readinessProbe':
    'While this check fails the pod is not ready, and Services send it no traffic.',
  'Container.livenessProbe': 'When this check fails the kubelet restarts the container.',
  'ContainerPort.containerPort': 'The port number the container listens on.',
  'ContainerPort.name':
    'A name for the port that Services (targetPort) and NetworkPolicies can refer to.',
  'ContainerPort.protocol': 'TCP (the default), UDP or SCTP.',
  'EnvVar.name': "The variable's name.",
  'EnvVar.value': "The variable's value; $(OTHER) refers to an earlier variable.",
  'EnvVar.valueFrom':
    'Take the value from a ConfigMap, Secret, field of the pod or resource instead.',
  'PolicyRule.verbs':
    'The actions allowed: get, list, watch, create, update, patch, delete, deletecollection… or * for all.',
  'PolicyRule.apiGroups':
    'The API groups of the resources ("" is the core group: pods, services…).',
  'PolicyRule.resources':
    'The resources the verbs apply to (pods, services, pods/exec…), or * for all.',
  'PolicyRule.resourceNames': 'When set, only the objects with these names.',
  'PolicyRule.nonResourceURLs':
    'URL paths that are not resources (/healthz…); only in ClusterRoles.',
  'RoleRef.kind': 'Role or ClusterRole.',
  'RoleRef.name': "The role's name.",
  'RoleRef.apiGroup': 'rbac.authorization.k8s.io.',
  'Subject.kind': 'User, Group or ServiceAccount.',
  'Subject.name': 'The user, group or ServiceAccount name.',
  'Subject.namespace': "The ServiceAccount's namespace (only for kind ServiceAccount).",
  'ObjectMeta.name': "The object's name, unique among objects of its kind in its namespace.",
  'ObjectMeta.namespace': 'The namespace the object lives in; empty for cluster-scoped kinds.',
  'ObjectMeta.labels':
    'Key-value pairs that selectors match (Services, NetworkPolicies, workloads).',
  'ObjectMeta.annotations': 'Key-value pairs for tools and people; never used by selectors.',
  'ObjectMeta.uid': 'A unique id the API server gives the object.',
  'ObjectMeta.resourceVersion':
    'The version of the object the server last stored, for optimistic concurrency.',
  'ObjectMeta.creationTimestamp': 'When the server created the object.',
  'ObjectMeta.ownerReferences': 'The objects this one belongs to (a ReplicaSet for its pods…).',
  'ObjectMeta.generateName': 'A prefix the server completes into a unique name when name is empty.',
  'LabelSelector.matchLabels': 'Labels that must all be present with these values.',
  'LabelSelector.matchExpressions': 'Conditions on labels that must all hold.',
  'LabelSelectorRequirement.key': 'The label key.',
  'LabelSelectorRequirement.operator': 'In, NotIn, Exists or DoesNotExist.',
  'LabelSelectorRequirement.values':
    'The values for In and NotIn; empty for Exists and DoesNotExist.',
  'DeploymentSpec.replicas': 'How many pods to run (default 1).',
  'DeploymentSpec.selector':
    "The labels of the pods this Deployment manages; must match the template's labels.",
  'DeploymentSpec.template': 'The pods to create.',
  'DeploymentSpec.strategy': 'How to replace old pods: RollingUpdate (the default) or Recreate.',
  'StatefulSetSpec.serviceName':
    'The headless Service that gives each pod its DNS name (name-0.serviceName.namespace.svc).',
  'StatefulSetSpec.volumeClaimTemplates': 'Claims each pod gets its own copy of.',
  'RoleBinding.roleRef': 'The Role or ClusterRole granted.',
  'RoleBinding.subjects': "Who gets the role's permissions.",
  'ClusterRoleBinding.roleRef': 'The ClusterRole granted.',
  'ClusterRoleBinding.subjects': "Who gets the role's permissions in every namespace.",
  'ServiceAccount.secrets': 'Secrets pods running as this account may use (legacy token Secrets).',
  'ServiceAccount.automountServiceAccountToken':
    'Whether pods running as this account get its token mounted by default.',
  'ConfigMap.data': 'The configuration as UTF-8 strings.',
  'ConfigMap.binaryData': 'Binary values, base64-encoded.',
  'Secret.data': 'The secret values, base64-encoded.',
  'Secret.stringData': 'Values as plain strings, written into data on save; never read back.',
  'Secret.type': 'What the secret holds, e.g. Opaque or kubernetes.io/service-account-token.',
  'EndpointSlice.addressType': 'IPv4, IPv6 or FQDN.',
  'EndpointSlice.endpoints': 'The backends in this slice.',
  'Endpoint.addresses': "The endpoint's addresses.",
  'Endpoint.targetRef': 'The pod behind this endpoint.',
  'DeploymentSpec.paused': 'While true, changes to the template do not start a rollout.',
  'DeploymentSpec.progressDeadlineSeconds':
    'How long a rollout may make no progress before the Deployment reports it failed (default 600).',
  'StatefulSetSpec.podManagementPolicy':
    'OrderedReady (the default) creates and removes pods one at a time in ordinal order; Parallel does all at once.',
  'StatefulSetSpec.updateStrategy':
    'How pods are replaced when the template changes: RollingUpdate (the default) or OnDelete.',
  'StatefulSetSpec.ordinals': "The number the first pod's ordinal starts at (default 0).",
  'StatefulSetSpec.persistentVolumeClaimRetentionPolicy':
    'Whether the claims made from volumeClaimTemplates are kept or deleted when pods are scaled away or the StatefulSet is deleted.',
  'JobSpec.completions': 'How many pods must finish successfully (default 1).',
  'JobSpec.parallelism': 'How many pods may run at once (default 1).',
  'JobSpec.backoffLimit': 'How many retries before the Job is marked failed (default 6).',
  'JobSpec.activeDeadlineSeconds':
    'How long the Job may run before the system stops it and marks it failed.',
  'JobSpec.ttlSecondsAfterFinished':
    'How long after finishing the Job (and its pods) is deleted automatically.',
  'JobSpec.suspend': 'While true, the Job creates no pods and its running pods are stopped.',
  'JobSpec.completionMode':
    'NonIndexed (the default): any pods count; Indexed: each pod gets its own completion index.',
  'Container.imagePullPolicy':
    'When to pull the image: Always, IfNotPresent or Never (default Always for :latest, otherwise IfNotPresent).',
  'Container.startupProbe':
    'Until this check succeeds, the other probes do not run; if it keeps failing the container is restarted.',
  'Container.volumeMounts': "The pod's volumes mounted into this container.",
  'Container.workingDir': 'The directory the program starts in.',
  'Container.lifecycle':
    'Actions the kubelet runs right after the container starts and right before it stops.',
  'Container.stdin': 'Whether the container has a standard input stream (kubectl attach, run -i).',
  'Container.tty': 'Whether the container gets a terminal (with stdin, as kubectl run -it).',
  'PodSpec.nodeSelector': 'Labels a node must have for the pod to be scheduled there.',
  'PodSpec.affinity':
    'Rules for which nodes the pod prefers or needs, and which pods it should run near or away from.',
  'PodSpec.tolerations': 'The node taints this pod tolerates.',
  'PodSpec.hostNetwork':
    "Run in the node's network namespace: the pod uses the node's IP address and ports.",
  'PodSpec.terminationGracePeriodSeconds':
    'How long the containers get to stop after SIGTERM before they are killed (default 30).',
  'PodSpec.imagePullSecrets': 'Secrets with registry credentials for pulling the images.',
  'PodSpec.priorityClassName': "The PriorityClass that sets the pod's scheduling priority.",
  'PodSpec.serviceAccount': 'Deprecated spelling of serviceAccountName.',
  'PodSpec.schedulerName': 'The scheduler that places the pod (default: default-scheduler).',
  'PodSpec.topologySpreadConstraints':
    "How evenly the pod's replicas should spread across zones, nodes or other topology domains.",
  'PodSpec.setHostnameAsFQDN': "Make the pod's hostname its fully qualified domain name.",
  'PodSpec.shareProcessNamespace': "Let the containers of the pod see each other's processes.",
  'ServiceAccount.imagePullSecrets':
    'Registry credentials added to every pod that runs as this account.',
  'ServicePort.appProtocol':
    'The application protocol on this port (e.g. http, kubernetes.io/h2c), a hint for proxies and meshes.',
  'ServiceSpec.clusterIPs':
    "The Service's virtual IP addresses, one per address family; the first equals clusterIP.",
  'ServiceSpec.externalIPs':
    'Extra addresses, not managed by Kubernetes, on which nodes accept traffic for this Service.',
  'ServiceSpec.externalTrafficPolicy':
    'For traffic from outside: Cluster (any node forwards to any endpoint) or Local (only endpoints on the receiving node, keeping the client address).',
  'ServiceSpec.internalTrafficPolicy':
    "For traffic from inside the cluster: Cluster (any endpoint) or Local (only endpoints on the sender's node).",
  'ServiceSpec.ipFamilies': "The address families of the Service's cluster IPs (IPv4, IPv6).",
  'ServiceSpec.ipFamilyPolicy': 'SingleStack, PreferDualStack or RequireDualStack.',
  'ServiceSpec.sessionAffinity':
    "ClientIP sends a client's connections to the same endpoint; None (the default) balances each connection.",
  'ServiceSpec.sessionAffinityConfig': 'How long ClientIP affinity lasts.',
  'ServiceSpec.publishNotReadyAddresses':
    'Publish DNS records and endpoints for pods that are not ready (for peer discovery in StatefulSets).',
  'ServiceSpec.loadBalancerSourceRanges':
    'For LoadBalancer Services: the client ranges the cloud load balancer admits.',
  'ServiceSpec.loadBalancerClass': 'Which load balancer implementation handles this Service.',
  'ServiceSpec.allocateLoadBalancerNodePorts':
    'Whether a LoadBalancer Service also gets node ports (default true).',
  'ServiceSpec.healthCheckNodePort':
    'For Local external traffic policy: the node port load balancers probe.',
  'ServiceSpec.loadBalancerIP': 'Deprecated: the address a cloud load balancer should use.',
  'ServiceSpec.trafficDistribution':
    'A preference for how traffic is spread over endpoints, e.g. PreferClose for endpoints in the same zone.',
  'Endpoint.zone': 'The zone the endpoint is in.',
  'Endpoint.hints': 'Topology hints: the zones this endpoint should serve.',
  'Endpoint.nodeName': "The node the endpoint's pod runs on.",
};

/** By field name alone, wherever the field appears. */
export const NAME_DOCS: Readonly<Record<string, string>> = {
  apiVersion: 'The versioned schema of this object (group/version), e.g. v1 or apps/v1.',
  kind: 'The kind of object this is, in CamelCase.',
  metadata: 'Standard object metadata: name, namespace, labels, annotations.',
  spec: 'The desired state, as the user declares it.',
  status: 'The observed state, written by the system. Read-only.',
  name: 'The name.',
  namespace: 'The namespace.',
  labels: 'Labels: key-value pairs selectors match.',
  selector: 'A label selector choosing the pods this object manages or targets.',
  template: 'The pods to create.',
  replicas: 'The desired number of pods.',
  conditions: "The latest observations of the object's state.",
  type: 'The type.',
  reason: 'A one-word, CamelCase reason for the last change.',
  message: 'A human-readable explanation.',
  lastTransitionTime: 'When the condition last changed.',
  observedGeneration: 'The generation of the spec this status reflects.',
  ports: 'The ports.',
  port: 'The port number.',
  protocol: 'TCP, UDP or SCTP.',
  key: 'The key.',
  value: 'The value.',
  values: 'The values.',
  operator: 'How the key is compared to the values.',
  uid: 'The unique id of the object.',
  resourceVersion: 'The version of the object the server stored.',
  ip: 'An IP address.',
  hostname: 'The host name.',
  nodeName: "The node's name.",
  readOnly: 'Mount read-only.',
  optional: 'Whether the referenced object or key may be missing.',
  items: 'Which keys to project, and to which paths.',
  path: 'A path.',
  image: 'A container image.',
  resources: 'Compute resource requests and limits.',
  securityContext: 'Security settings.',
  restartPolicy: 'When to restart containers.',
  minReadySeconds: 'How long a new pod must be ready before it counts as available.',
  revisionHistoryLimit: 'How many old revisions to keep for rollback.',
  readyReplicas: 'How many pods are ready.',
  availableReplicas: 'How many pods have been ready for at least minReadySeconds.',
  updatedReplicas: 'How many pods run the latest template.',
  apiGroup: 'The API group.',
  finalizers: 'What must finish before the object may be deleted.',
};
