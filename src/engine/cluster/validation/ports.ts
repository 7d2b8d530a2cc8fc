/** Port numbers, protocols and port names (IANA_SVC_NAME) as core/v1 validation checks them. */
import { invalid, notSupported, type FieldError } from '../../api/index.ts';

export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;

export function validatePortNumber(port: unknown, field: string): FieldError[] {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    return [invalid(field, port, 'must be between 1 and 65535, inclusive')];
  }
  return [];
}

export function validateProtocol(protocol: unknown, field: string): FieldError[] {
  if (protocol === undefined) return [];
  return PROTOCOLS.includes(protocol as (typeof PROTOCOLS)[number])
    ? []
    : [notSupported(field, protocol, PROTOCOLS)];
}

/** IANA service name: at most 15 characters, lowercase letters, digits and '-', at least one letter. */
export function isValidPortName(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (/[a-z]/.test(name) === false) errs.push('must contain at least one letter (a-z)');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** A port given as a number or an IANA name (targetPort, NetworkPolicy ports). */
export function validatePortNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === 'number') return validatePortNumber(port, field);
  if (typeof port === 'string') {
    if (/^\d+$/.test(port)) return validatePortNumber(Number(port), field);
    return isValidPortName(port).map((m) => invalid(field, port, m));
  }
  return [invalid(field, port, 'must be a port number or name')];
}
