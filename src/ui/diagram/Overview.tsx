/**
 * The floor plan overview: every room as a rectangle and the part on screen outlined. Rooms
 * only — a 1,000-pod building stays cheap to draw — and a click pans there. It stands beside
 * the plan, never over it, so it cannot cover a room.
 */
import { useReactFlow, useStore, useViewport } from '@xyflow/react';
import { memo, type MouseEvent } from 'react';

export interface OverviewRoom {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  system: boolean;
  marked: boolean;
}

const W = 190;
const H = 120;

export const Overview = memo(function Overview({ rooms }: { rooms: OverviewRoom[] }) {
  const { x, y, zoom } = useViewport();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const flow = useReactFlow();
  if (rooms.length === 0) return null;
  const view = { x: -x / zoom, y: -y / zoom, w: width / zoom, h: height / zoom };
  const minX = Math.min(...rooms.map((r) => r.x), view.x);
  const minY = Math.min(...rooms.map((r) => r.y), view.y);
  const maxX = Math.max(...rooms.map((r) => r.x + r.w), view.x + view.w);
  const maxY = Math.max(...rooms.map((r) => r.y + r.h), view.y + view.h);
  const scale = Math.min(W / (maxX - minX), H / (maxY - minY));
  const pad = 40 / scale;
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = minX - pad + ((e.clientX - box.left) / box.width) * (maxX - minX + 2 * pad);
    const py = minY - pad + ((e.clientY - box.top) / box.height) * (maxY - minY + 2 * pad);
    void flow.setCenter(px, py, { zoom, duration: 0 });
  };
  return (
    <aside className="overview" aria-label="Floor plan overview">
      <svg
        role="img"
        aria-label={`Floor plan overview: ${rooms.length} rooms`}
        width={W}
        height={H}
        viewBox={`${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`}
        onClick={onClick}
      >
        {rooms.map((r) => (
          <rect
            key={r.id}
            x={r.x}
            y={r.y}
            width={r.w}
            height={r.h}
            rx={8 / scale}
            className={`overview__room${r.system ? ' is-system' : ''}${r.marked ? ' is-marked' : ''}`}
          />
        ))}
        <rect
          x={view.x}
          y={view.y}
          width={view.w}
          height={view.h}
          className="overview__view"
          strokeWidth={2 / scale}
        />
      </svg>
    </aside>
  );
});
