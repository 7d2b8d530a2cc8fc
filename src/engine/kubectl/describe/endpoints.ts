/** `kubectl describe endpoints` and `describe endpointslice` (describeEndpoints, describeEndpointSliceV1). */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Endpoints, Stored } from '../../cluster/index.ts';
import {
  describeEvents,
  tabbed,
  DEFAULT_SETTINGS,
  type DescribeSettings,
  printObjectHeader,
} from './writer.ts';

export function describeEndpoints(
  ep: Stored<Endpoints>,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  return tabbed(settings, (w) => {
    printObjectHeader(w, ep.metadata);
    w.write(0, 'Subsets:\n');
    for (const ss of ep.subsets ?? []) {
      w.write(1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      w.write(
        1,
        `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`,
      );
      if (ss.ports?.length) {
        w.write(1, 'Ports:\n');
        w.write(2, 'Name\tPort\tProtocol\n');
        w.write(2, '----\t----\t--------\n');
        for (const p of ss.ports)
          w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
      }
      w.write(0, '\n');
    }
    describeEvents(w);
  });
}

export function describeEndpointSlice(
  eps: Stored<EndpointSlice>,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  return tabbed(settings, (w) => {
    printObjectHeader(w, eps.metadata);
    w.write(0, `AddressType:\t${eps.addressType}\n`);
    if (!eps.ports?.length) w.write(0, 'Ports: <unset>\n');
    else {
      w.write(0, 'Ports:\n');
      w.write(1, 'Name\tPort\tProtocol\n');
      w.write(1, '----\t----\t--------\n');
      for (const p of eps.ports)
        w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}\n`);
    }
    if (!eps.endpoints?.length) w.write(0, 'Endpoints: <none>\n');
    else {
      w.write(0, 'Endpoints:\n');
      for (const e of eps.endpoints) {
        w.write(1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`);
        w.write(2, 'Conditions:\n');
        w.write(
          3,
          `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`,
        );
        w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
        if (e.targetRef)
          w.write(2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
        w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
        w.write(2, `Zone:\t${e.zone ?? '<unset>'}\n`);
      }
    }
    describeEvents(w);
  });
}
