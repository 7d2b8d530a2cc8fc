/** Validation of core/v1 and apps/v1 objects for the fields the simulator models. */
import { duplicate, invalid, notSupported, required, type FieldError } from '../../api/index.ts';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  selectorMatches,
  validateLabelSelector,
} from '../../labels/index.ts';
import { ipToNumber } from '../ipam.ts';
import type { KubeObject } from '../types.ts';
import {
  isValidPortName,
  validatePortNumber,
  validatePortNumOrName,
  validateProtocol,
} from './ports.ts';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function validateContainers(list: unknown, field: string, requiredList: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const containers = asList(list);
  if (requiredList && containers.length === 0) return [required(field)];
  const names = new Set<string>();
  containers.forEach((raw, i) => {
    const c = asObj(raw);
    const f = `${field}[${i}]`;
    if (typeof c.name !== 'string' || c.name === '') errs.push(required(`${f}.name`));
    else {
      for (const m of isDNS1123Label(c.name)) errs.push(invalid(`${f}.name`, c.name, m));
      if (names.has(c.name)) errs.push(duplicate(`${f}.name`, c.name));
      names.add(c.name);
    }
    if (typeof c.image !== 'string' || c.image === '') errs.push(required(`${f}.image`));
    const portNames = new Set<string>();
    asList(c.ports).forEach((rawPort, j) => {
      const p = asObj(rawPort);
      const pf = `${f}.ports[${j}]`;
      if (p.containerPort === undefined) errs.push(required(`${pf}.containerPort`));
      else errs.push(...validatePortNumber(p.containerPort, `${pf}.containerPort`));
      errs.push(...validateProtocol(p.protocol, `${pf}.protocol`));
      if (typeof p.name === 'string') {
        for (const m of isValidPortName(p.name)) errs.push(invalid(`${pf}.name`, p.name, m));
        if (portNames.has(p.name)) errs.push(duplicate(`${pf}.name`, p.name));
        portNames.add(p.name);
      }
    });
  });
  return errs;
}

/**
 * validateHostNetwork: on the host network a container port is its host port, so a hostPort
 * that is set must equal the containerPort (an unset one is defaulted to it in Pods).
 */
function validateHostNetworkPorts(list: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  asList(list).forEach((raw, i) =>
    asList(asObj(raw).ports).forEach((rawPort, j) => {
      const p = asObj(rawPort);
      if (p.hostPort !== undefined && p.hostPort !== 0 && p.hostPort !== p.containerPort)
        errs.push(
          invalid(
            `${field}[${i}].ports[${j}].containerPort`,
            p.containerPort,
            'must match `hostPort` when `hostNetwork` is true',
          ),
        );
    }),
  );
  return errs;
}

export function validatePodSpec(spec: unknown, field: string): FieldError[] {
  if (spec === undefined) return [required(field)];
  const s = asObj(spec);
  const errs = validateContainers(s.containers, `${field}.containers`, true);
  errs.push(...validateContainers(s.initContainers, `${field}.initContainers`, false));
  if (s.hostNetwork === true) {
    errs.push(...validateHostNetworkPorts(s.containers, `${field}.containers`));
    errs.push(...validateHostNetworkPorts(s.initContainers, `${field}.initContainers`));
  }
  if (
    s.restartPolicy !== undefined &&
    !['Always', 'OnFailure', 'Never'].includes(s.restartPolicy as string)
  ) {
    errs.push(
      notSupported(`${field}.restartPolicy`, s.restartPolicy, ['Always', 'OnFailure', 'Never']),
    );
  }
  const dnsPolicies = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
  if (s.dnsPolicy !== undefined && !dnsPolicies.includes(s.dnsPolicy as string)) {
    errs.push(notSupported(`${field}.dnsPolicy`, s.dnsPolicy, dnsPolicies));
  }
  if (s.dnsPolicy === 'None' && asList(asObj(s.dnsConfig).nameservers).length === 0) {
    errs.push(required(`${field}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'));
  }
  for (const key of ['serviceAccountName', 'subdomain', 'hostname'] as const) {
    const v = s[key];
    if (typeof v === 'string' && v !== '') {
      const check = key === 'serviceAccountName' ? isDNS1123Subdomain : isDNS1123Label;
      for (const m of check(v)) errs.push(invalid(`${field}.${key}`, v, m));
    }
  }
  return errs;
}

export function validatePod(obj: KubeObject): FieldError[] {
  return validatePodSpec(obj.spec, 'spec');
}

const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

export function validateService(obj: KubeObject): FieldError[] {
  const spec = asObj(obj.spec);
  const errs: FieldError[] = [];
  const type = (spec.type as string | undefined) ?? 'ClusterIP';
  if (!serviceTypes.includes(type)) errs.push(notSupported('spec.type', type, serviceTypes));
  const ports = asList(spec.ports);
  if (type === 'ExternalName') {
    if (typeof spec.externalName !== 'string' || spec.externalName === '')
      errs.push(required('spec.externalName'));
    else {
      const name = spec.externalName.replace(/\.$/, '');
      for (const m of isDNS1123Subdomain(name))
        errs.push(invalid('spec.externalName', spec.externalName, m));
    }
  } else if (ports.length === 0 && spec.clusterIP !== 'None') {
    errs.push(required('spec.ports'));
  }
  const clusterIP = spec.clusterIP;
  if (
    typeof clusterIP === 'string' &&
    clusterIP !== '' &&
    clusterIP !== 'None' &&
    ipToNumber(clusterIP) === undefined
  ) {
    errs.push(
      invalid(
        'spec.clusterIPs[0]',
        clusterIP,
        'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ),
    );
  }
  if (clusterIP === 'None' && type !== 'ClusterIP') {
    errs.push(
      invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`),
    );
  }
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((raw, i) => {
    const p = asObj(raw);
    const f = `spec.ports[${i}]`;
    if (ports.length > 1 && (typeof p.name !== 'string' || p.name === ''))
      errs.push(required(`${f}.name`));
    if (typeof p.name === 'string' && p.name !== '') {
      for (const m of isDNS1123Label(p.name)) errs.push(invalid(`${f}.name`, p.name, m));
      if (names.has(p.name)) errs.push(duplicate(`${f}.name`, p.name));
      names.add(p.name);
    }
    errs.push(...validatePortNumber(p.port, `${f}.port`));
    errs.push(...validateProtocol(p.protocol, `${f}.protocol`));
    if (p.targetPort !== undefined)
      errs.push(...validatePortNumOrName(p.targetPort, `${f}.targetPort`));
    if (p.nodePort !== undefined && p.nodePort !== 0) {
      if (type !== 'NodePort' && type !== 'LoadBalancer') {
        errs.push(
          invalid(`${f}.nodePort`, p.nodePort, "may not be used when `type` is 'ClusterIP'"),
        );
      } else errs.push(...validatePortNumber(p.nodePort, `${f}.nodePort`));
    }
    const key = `${p.port}/${p.protocol ?? 'TCP'}`;
    if (seen.has(key))
      errs.push(duplicate(`spec.ports[${i}]`, { port: p.port, protocol: p.protocol ?? 'TCP' }));
    seen.add(key);
  });
  return errs;
}

/** Workloads: a selector that the template's labels satisfy, and a valid pod template. */
export function validateWorkload(obj: KubeObject): FieldError[] {
  const spec = asObj(obj.spec);
  const errs: FieldError[] = [];
  const template = asObj(spec.template);
  const templateLabels = asObj(asObj(template.metadata).labels) as Record<string, string>;
  if (obj.kind !== 'Job') {
    if (spec.selector === undefined) errs.push(required('spec.selector'));
    else {
      errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
      const sel = asObj(spec.selector);
      if (
        Object.keys(asObj(sel.matchLabels)).length === 0 &&
        asList(sel.matchExpressions).length === 0
      ) {
        errs.push(
          invalid('spec.selector', spec.selector, 'empty selector is invalid for deployment'),
        );
      } else if (errs.length === 0 && !selectorMatches(sel, templateLabels)) {
        errs.push(
          invalid(
            'spec.template.metadata.labels',
            templateLabels,
            '`selector` does not match template `labels`',
          ),
        );
      }
    }
  }
  if (spec.replicas !== undefined && (typeof spec.replicas !== 'number' || spec.replicas < 0)) {
    errs.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  errs.push(...validatePodSpec(template.spec, 'spec.template.spec'));
  if (obj.kind === 'Job') {
    const rp = asObj(template.spec).restartPolicy;
    if (rp !== 'OnFailure' && rp !== 'Never') {
      errs.push(
        notSupported('spec.template.spec.restartPolicy', rp ?? 'Always', ['OnFailure', 'Never']),
      );
    }
  }
  return errs;
}

/** ConfigMap and Secret data keys: [-._a-zA-Z0-9]+ (IsConfigMapKey). */
export function validateDataKeys(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const field of ['data', 'binaryData', 'stringData']) {
    for (const key of Object.keys(asObj(obj[field]))) {
      if (!/^[-._a-zA-Z0-9]+$/.test(key) || key.length > 253) {
        errs.push(
          invalid(
            `${field}[${key}]`,
            key,
            "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
          ),
        );
      }
    }
  }
  return errs;
}
