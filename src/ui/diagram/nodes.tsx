/**
 * The building's pieces as React Flow node components: a room (namespace), a desk (pod), a
 * phone (Service) and a staff badge (ServiceAccount). Memoised; declared once at module scope.
 */
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import {
  ArrowInIcon,
  ArrowOutIcon,
  BadgeIcon,
  CheckIcon,
  CrossIcon,
  LockIcon,
  PersonIcon,
  PhoneIcon,
  TargetIcon,
} from '../icons.tsx';
import { useLabStore } from '../shell/store-context.tsx';
import type { AccountNode, MorePodsNode, PodNode, RoomNode, ServiceNode } from './elements.ts';

const hidden = { opacity: 0, pointerEvents: 'none' } as const;

function Chips({ labels, max = 6 }: { labels: [string, string][]; max?: number }) {
  if (labels.length === 0) return null;
  const shown = labels.slice(0, max);
  return (
    <ul className="chips" aria-label="labels">
      {shown.map(([k, v]) => (
        <li key={k} className="chip" title={`${k}=${v}`}>
          {k}={v}
        </li>
      ))}
      {labels.length > max && <li className="chip chip--more">+{labels.length - max}</li>}
    </ul>
  );
}

/** The room's locks: a button that opens the (first) policy in the inspector. */
function PolicyChip({ data }: { data: RoomNode['data'] }) {
  const store = useLabStore();
  return (
    <button
      type="button"
      className={`room-card__policies nodrag nopan${data.enforcing ? '' : ' is-unenforced'}`}
      title={`NetworkPolicies: ${data.policies.join(', ')}${data.enforcing ? '' : ' (not enforced by the network plugin)'}`}
      onClick={(e) => {
        e.stopPropagation();
        store
          .getState()
          .select({ kind: 'NetworkPolicy', namespace: data.name, name: data.policies[0]! });
      }}
    >
      <LockIcon size={13} /> {data.policies.length}{' '}
      {data.policies.length === 1 ? 'policy' : 'policies'}
    </button>
  );
}

export const RoomCard = memo(function RoomCard({ data }: NodeProps<RoomNode>) {
  const empty = data.counts.pods + data.counts.services === 0;
  return (
    <div className={`room-card${data.system ? ' room-card--system' : ''}`}>
      <div className="room-card__plate">
        <div className="room-card__title">
          <span className="room-card__name">{data.name}</span>
          <span className="room-card__kind">{data.system ? 'lobby' : 'namespace'}</span>
          {data.policies.length > 0 && <PolicyChip data={data} />}
        </div>
        <Chips labels={data.labels} max={4} />
      </div>
      <div className="room-card__summary">
        <span className="room-card__summary-name" aria-hidden="true">
          {data.name}
        </span>
        <span
          className="room-card__counts"
          role="img"
          aria-label={`${data.counts.pods} pods, ${data.counts.services} Services, ${data.policies.length} NetworkPolicies`}
        >
          <span>
            <PersonIcon size={14} /> {data.counts.pods}
          </span>
          <span>
            <PhoneIcon size={14} /> {data.counts.services}
          </span>
          {data.policies.length > 0 && (
            <span>
              <LockIcon size={14} /> {data.policies.length}
            </span>
          )}
        </span>
      </div>
      {empty && !data.system && (
        <p className="room-card__empty">
          Empty room. Try <code>kubectl run web --image=nginx -n {data.name}</code>
        </p>
      )}
    </div>
  );
});

function Locks({
  ingress,
  egress,
  enforcing,
}: {
  ingress: string[];
  egress: string[];
  enforcing: boolean;
}) {
  if (ingress.length + egress.length === 0) return null;
  const note = enforcing ? '' : ' — not enforced by the network plugin';
  return (
    <span className={`locks${enforcing ? '' : ' is-unenforced'}`}>
      {ingress.length > 0 && (
        <span className="lock" title={`Ingress isolated by ${ingress.join(', ')}${note}`}>
          <LockIcon size={12} />
          in
        </span>
      )}
      {egress.length > 0 && (
        <span className="lock" title={`Egress isolated by ${egress.join(', ')}${note}`}>
          <LockIcon size={12} />
          out
        </span>
      )}
    </span>
  );
}

/** One direction's answer: an arrow for the direction, then ✓ or ✗ (the title says it in words). */
function Verdict({ yes, arrow, title }: { yes: boolean; arrow: ReactNode; title: string }) {
  return (
    <span className={`reach-badge ${yes ? 'is-yes' : 'is-no'}`} title={title}>
      {arrow}
      {yes ? <CheckIcon size={11} /> : <CrossIcon size={11} />}
    </span>
  );
}

function ReachBadge({ reach }: { reach: NonNullable<PodNode['data']['reach']> }) {
  if (reach.role === 'source') {
    return (
      <span className="reach-badge reach-badge--source">
        <TargetIcon size={12} /> source
      </span>
    );
  }
  return (
    <span className="reach-badges">
      {reach.out !== undefined && (
        <Verdict
          yes={reach.out}
          arrow={<ArrowInIcon size={11} />}
          title={`the selected pod ${reach.out ? 'can' : 'cannot'} reach this pod`}
        />
      )}
      {reach.in !== undefined && (
        <Verdict
          yes={reach.in}
          arrow={<ArrowOutIcon size={11} />}
          title={`this pod ${reach.in ? 'can' : 'cannot'} reach the selected pod`}
        />
      )}
    </span>
  );
}

export const PodCard = memo(function PodCard({ data }: NodeProps<PodNode>) {
  const r = data.reach;
  const reachClass = !r
    ? ''
    : r.role === 'source'
      ? ' is-source'
      : r.out === false
        ? ' is-unreachable'
        : r.out
          ? ' is-reachable'
          : '';
  return (
    <div
      className={`pod-card${data.selected ? ' is-selected' : ''}${reachClass}`}
      title={`${data.namespace}/${data.name} · ${data.ip} · ${data.status}`}
    >
      <Handle type="target" position={Position.Top} id="in" style={hidden} isConnectable={false} />
      <Handle
        type="source"
        position={Position.Right}
        id="out"
        style={hidden}
        isConnectable={false}
      />
      <div className="pod-card__head">
        <PersonIcon size={15} className="pod-card__icon" />
        <span className="pod-card__name">{data.name}</span>
        <span className={`status-dot${data.ready ? ' is-ready' : ''}`} title={data.status} />
      </div>
      <div className="pod-card__meta">
        <span className="mono">{data.ip}</span>
        <span className="pod-card__sa" title={`ServiceAccount ${data.serviceAccount}`}>
          <BadgeIcon size={12} />
          {data.serviceAccount}
        </span>
        <Locks ingress={data.ingress} egress={data.egress} enforcing={data.enforcing} />
        {r && <ReachBadge reach={r} />}
      </div>
      {data.showLabels && <Chips labels={data.labels} max={4} />}
    </div>
  );
});

export const ServiceCard = memo(function ServiceCard({ data }: NodeProps<ServiceNode>) {
  const r = data.reach;
  const reachClass = !r || r.out === undefined ? '' : r.out ? ' is-reachable' : ' is-unreachable';
  return (
    <div
      className={`svc-card${data.selected ? ' is-selected' : ''}${reachClass}`}
      title={`${data.dns} · ${data.clusterIP}`}
    >
      <Handle type="target" position={Position.Left} id="in" style={hidden} isConnectable={false} />
      <Handle
        type="source"
        position={Position.Bottom}
        id="ep"
        style={hidden}
        isConnectable={false}
      />
      <div className="svc-card__head">
        <PhoneIcon size={15} className="svc-card__icon" />
        <span className="svc-card__name">{data.name}</span>
      </div>
      <div className="svc-card__meta">
        {data.externalName !== undefined ? (
          <span className="svc-card__eps">alias → {data.externalName}</span>
        ) : (
          <span className={`svc-card__eps${data.endpoints === 0 ? ' is-empty' : ''}`}>
            {data.endpoints} {data.endpoints === 1 ? 'endpoint' : 'endpoints'}
          </span>
        )}
        {data.externalName === undefined && <span className="svc-card__ports">{data.ports}</span>}
        {r?.out !== undefined && (
          <span className={`reach-badge ${r.out ? 'is-yes' : 'is-no'}`}>
            {r.out ? <CheckIcon size={11} /> : <CrossIcon size={11} />}
          </span>
        )}
      </div>
      <div className="svc-card__meta">
        <span className="mono svc-card__dns">{data.dns}</span>
      </div>
    </div>
  );
});

export const AccountChip = memo(function AccountChip({ data }: NodeProps<AccountNode>) {
  if (data.more !== undefined) {
    return <div className="sa-chip sa-chip--more">+{data.more} more</div>;
  }
  return (
    <div className={`sa-chip${data.selected ? ' is-selected' : ''}`}>
      <BadgeIcon size={13} />
      <span>{data.name}</span>
    </div>
  );
});

export const MorePodsCard = memo(function MorePodsCard({ data }: NodeProps<MorePodsNode>) {
  return (
    <div className="more-pods">
      <strong>+{data.more} more pods</strong>
      <span>Show as list lists them all</span>
    </div>
  );
});

/** Declared once at module scope (a new object per render would remount every node). */
export const nodeTypes: NodeTypes = {
  room: RoomCard,
  pod: PodCard,
  service: ServiceCard,
  account: AccountChip,
  morePods: MorePodsCard,
};
