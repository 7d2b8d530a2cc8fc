/** The connection-test line: solid with a tick when allowed, dashed with a cross when blocked. */
import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  type Edge,
  type EdgeProps,
  type EdgeTypes,
} from '@xyflow/react';
import { memo } from 'react';
import { CheckIcon, CrossIcon } from '../icons.tsx';
import type { TestEdgeData } from './elements.ts';

type VerdictEdgeType = Edge<TestEdgeData, 'verdict'>;

export const VerdictEdge = memo(function VerdictEdge(props: EdgeProps<VerdictEdgeType>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const ok = props.data?.ok ?? false;
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={`url(#verdict-arrow-${ok ? 'ok' : 'no'})`}
        className={ok ? 'verdict-path is-allowed' : 'verdict-path is-blocked'}
      />
      <EdgeLabelRenderer>
        <div
          className={`verdict-label nodrag nopan ${ok ? 'is-allowed' : 'is-blocked'}${props.data?.focused ? ' is-focused' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          title={props.data?.detail}
        >
          {ok ? <CheckIcon size={14} /> : <CrossIcon size={14} />}
          <span>{props.data?.text}</span>
          {(props.data?.count ?? 1) > 1 && (
            <b
              className="verdict-label__count"
              title={`${props.data!.count} connection tests on this line, ${props.data!.blocked} blocked`}
            >
              ×{props.data!.count}
            </b>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

export const edgeTypes: EdgeTypes = { verdict: VerdictEdge };

/** Arrowheads for verdict lines (one per colour). */
export function VerdictMarkers() {
  return (
    <svg className="verdict-markers" aria-hidden="true" width="0" height="0">
      <defs>
        {(['ok', 'no'] as const).map((k) => (
          <marker
            key={k}
            id={`verdict-arrow-${k}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" className={k === 'ok' ? 'marker-ok' : 'marker-no'} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
