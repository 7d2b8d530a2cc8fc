/**
 * NetworkPolicy validation (networking/v1), as ValidateNetworkPolicySpec in
 * pkg/apis/networking/validation checks it: selectors, ports (protocol, number or name,
 * endPort), peers (exactly one kind, or selectors without ipBlock), ipBlock CIDRs and
 * `except` subsets, and policyTypes. CIDRs are parsed as the API server does without the
 * StrictIPCIDRValidation gate (host bits and leading zeros accepted).
 */
import { forbidden, invalid, notSupported, required, type FieldError } from '../../api/index.ts';
import { isValidLabelValue, validateLabelSelector } from '../../labels/index.ts';
import { parseCidrBlock, strictSubset } from '../ip-address.ts';
import type { KubeObject } from '../types.ts';
import { isValidPortName } from './ports.ts';

type Obj = Record<string, unknown>;

const asObj = (v: unknown): Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const CIDR_FORMAT = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

function validPortNum(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** LabelSelector validation plus the values check (AllowInvalidLabelValueInSelector is off for new objects). */
function validateSelector(sel: unknown, field: string): FieldError[] {
  const errs = validateLabelSelector(sel, field);
  asList(asObj(sel).matchExpressions).forEach((e, i) => {
    asList(asObj(e).values).forEach((v, j) => {
      if (typeof v !== 'string') return;
      for (const m of isValidLabelValue(v))
        errs.push(invalid(`${field}.matchExpressions[${i}].values[${j}]`, v, m));
    });
  });
  return errs;
}

/** ValidateNetworkPolicyPort. */
function validatePort(raw: unknown, field: string): FieldError[] {
  const p = asObj(raw);
  const errs: FieldError[] = [];
  const protocol = p.protocol;
  if (
    protocol !== undefined &&
    protocol !== null &&
    !['TCP', 'UDP', 'SCTP'].includes(protocol as string)
  )
    errs.push(notSupported(`${field}.protocol`, protocol, ['TCP', 'UDP', 'SCTP']));
  const port = p.port;
  const endPort = p.endPort;
  const hasEnd = endPort !== undefined && endPort !== null;
  if (port !== undefined && port !== null) {
    if (typeof port === 'number') {
      if (!validPortNum(port)) errs.push(invalid(`${field}.port`, port, PORT_RANGE));
      if (hasEnd) {
        if (typeof endPort !== 'number') {
          errs.push(invalid(`${field}.endPort`, endPort, 'must be an integer'));
        } else {
          if (endPort < port)
            errs.push(
              invalid(`${field}.endPort`, endPort, 'must be greater than or equal to `port`'),
            );
          if (!validPortNum(endPort)) errs.push(invalid(`${field}.endPort`, endPort, PORT_RANGE));
        }
      }
    } else if (typeof port === 'string') {
      if (hasEnd)
        errs.push(
          invalid(`${field}.endPort`, endPort, 'may not be specified when `port` is non-numeric'),
        );
      for (const m of isValidPortName(port)) errs.push(invalid(`${field}.port`, port, m));
    } else {
      errs.push(invalid(`${field}.port`, port, 'must be a port number or name'));
    }
  } else if (hasEnd) {
    errs.push(
      invalid(`${field}.endPort`, endPort, 'may not be specified when `port` is not specified'),
    );
  }
  return errs;
}

/** ValidateIPBlock. */
function validateIpBlock(raw: unknown, field: string): FieldError[] {
  const b = asObj(raw);
  const cidrText = b.cidr;
  if (cidrText === undefined || cidrText === null || cidrText === '')
    return [required(`${field}.cidr`)];
  if (typeof cidrText !== 'string') return [invalid(`${field}.cidr`, cidrText, CIDR_FORMAT)];
  const cidr = parseCidrBlock(cidrText);
  if (!cidr) return [invalid(`${field}.cidr`, cidrText, CIDR_FORMAT)];
  const errs: FieldError[] = [];
  asList(b.except).forEach((e, i) => {
    const f = `${field}.except[${i}]`;
    const ex = typeof e === 'string' ? parseCidrBlock(e) : undefined;
    if (!ex) {
      errs.push(invalid(f, e, CIDR_FORMAT));
      return;
    }
    if (!strictSubset(cidr, ex)) errs.push(invalid(f, e, 'must be a strict subset of `cidr`'));
  });
  return errs;
}

/** ValidateNetworkPolicyPeer: at least one of the three, and ipBlock never with another. */
function validatePeer(raw: unknown, field: string): FieldError[] {
  const p = asObj(raw);
  const errs: FieldError[] = [];
  let kinds = 0;
  const present = (v: unknown) => v !== undefined && v !== null;
  if (present(p.podSelector)) {
    kinds++;
    errs.push(...validateSelector(p.podSelector, `${field}.podSelector`));
  }
  if (present(p.namespaceSelector)) {
    kinds++;
    errs.push(...validateSelector(p.namespaceSelector, `${field}.namespaceSelector`));
  }
  if (present(p.ipBlock)) {
    kinds++;
    errs.push(...validateIpBlock(p.ipBlock, `${field}.ipBlock`));
  }
  if (kinds === 0) errs.push(required(field, 'must specify a peer'));
  else if (kinds > 1 && present(p.ipBlock))
    errs.push(forbidden(field, 'may not specify both ipBlock and another peer'));
  return errs;
}

function validateRules(list: unknown, field: string, peersOf: 'from' | 'to'): FieldError[] {
  if (list !== undefined && list !== null && !Array.isArray(list))
    return [invalid(field, list, 'must be a list of rules')];
  const errs: FieldError[] = [];
  asList(list).forEach((raw, i) => {
    const rule = asObj(raw);
    const f = `${field}[${i}]`;
    asList(rule.ports).forEach((p, j) => errs.push(...validatePort(p, `${f}.ports[${j}]`)));
    asList(rule[peersOf]).forEach((p, j) => errs.push(...validatePeer(p, `${f}.${peersOf}[${j}]`)));
  });
  return errs;
}

/** All field errors of a NetworkPolicy's spec, in the API server's order. */
export function validateNetworkPolicy(obj: KubeObject): FieldError[] {
  const spec = asObj(obj.spec);
  const errs: FieldError[] = [];
  errs.push(...validateSelector(spec.podSelector ?? {}, 'spec.podSelector'));
  errs.push(...validateRules(spec.ingress, 'spec.ingress', 'from'));
  errs.push(...validateRules(spec.egress, 'spec.egress', 'to'));
  const types = asList(spec.policyTypes);
  if (types.length > 2) {
    errs.push(invalid('spec.policyTypes', types, 'may not specify more than two policyTypes'));
    return errs;
  }
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress')
      errs.push(notSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
  });
  return errs;
}
