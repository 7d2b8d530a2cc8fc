/** The top bar: history (Undo/Redo/timeline), view toggles, network plugin, import/export, reset. */
import { useRef, type ChangeEvent, type ReactNode } from 'react';
import type { NetworkPolicyMode } from '../../engine/model.ts';
import {
  ClockIcon,
  DownloadIcon,
  HelpIcon,
  ListIcon,
  MoreIcon,
  RedoIcon,
  ResetIcon,
  ShieldIcon,
  TagIcon,
  TargetIcon,
  UndoIcon,
  UploadIcon,
} from '../icons.tsx';
import { MenuButton } from './MenuButton.tsx';
import { useLab, useLabStore } from './store-context.tsx';

/** A toolbar button: its icon, and its label as text (icons alone below 1280 px) and name. */
function ToolButton({
  label,
  icon,
  variant,
  pressed,
  wide,
  text,
  ...rest
}: {
  label: string;
  icon: ReactNode;
  variant?: 'danger';
  pressed?: boolean;
  /** Shown only on a wide bar (≥ 1600 px); below, the same action is in the "More" menu. */
  wide?: boolean;
  /** Visible text when it differs from the name (the name starts with its words). */
  text?: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  title?: string;
}) {
  return (
    <button
      type="button"
      className={['btn', variant && `btn--${variant}`, wide && 'toolbar__wide']
        .filter(Boolean)
        .join(' ')}
      aria-label={label}
      {...(pressed !== undefined ? { 'aria-pressed': pressed } : {})}
      {...rest}
    >
      {icon} <span className="btn__text">{text ?? label}</span>
    </button>
  );
}

export function Toolbar({
  onToggleHistory,
  historyOpen,
}: {
  onToggleHistory: () => void;
  historyOpen: boolean;
}) {
  const store = useLabStore();
  const canUndo = useLab((s) => s.index > 0);
  const canRedo = useLab((s) => s.index < s.entries.length - 1);
  const listView = useLab((s) => s.listView);
  const showLabels = useLab((s) => s.showLabels);
  const mode = useLab((s) => s.cluster.settings.networkPolicy);
  const reach = useLab((s) => s.reach);
  const file = useRef<HTMLInputElement>(null);

  const onExport = async () => {
    const text = await store.getState().exportYaml();
    const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'namespace-lab-cluster.yaml';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) store.getState().importYaml(await f.text(), f.name);
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Cluster tools">
      <div className="toolbar__group">
        <ToolButton
          label="Undo"
          icon={<UndoIcon />}
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          title="Undo (Ctrl+Z)"
        />
        <ToolButton
          label="Redo"
          icon={<RedoIcon />}
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          title="Redo (Ctrl+Shift+Z)"
        />
        <ToolButton
          label="History"
          icon={<ClockIcon />}
          wide
          onClick={onToggleHistory}
          pressed={historyOpen}
          title="History timeline"
        />
      </div>
      <div className="toolbar__group">
        <ToolButton
          label="Show as list"
          icon={<ListIcon />}
          onClick={() => store.getState().setListView(!listView)}
          pressed={listView}
        />
        <ToolButton
          label="Pod labels"
          icon={<TagIcon />}
          wide
          onClick={() => store.getState().setShowLabels(!showLabels)}
          pressed={showLabels}
        />
        <ToolButton
          label="Reachability"
          icon={<TargetIcon />}
          onClick={() => store.getState().setReach(reach ? null : { port: 80, protocol: 'TCP' })}
          pressed={reach !== null}
          title="Select a pod to see what it can reach, and who can reach it"
        />
        {reach && (
          <label className="field field--inline">
            <span>port</span>
            <input
              type="number"
              min={1}
              max={65535}
              value={reach.port}
              onChange={(e) => {
                const port = Number(e.target.value);
                if (port >= 1 && port <= 65535) store.getState().setReach({ ...reach, port });
              }}
            />
            <select
              aria-label="protocol"
              value={reach.protocol}
              onChange={(e) =>
                store
                  .getState()
                  .setReach({ ...reach, protocol: e.target.value as 'TCP' | 'UDP' | 'SCTP' })
              }
            >
              <option>TCP</option>
              <option>UDP</option>
              <option>SCTP</option>
            </select>
          </label>
        )}
      </div>
      <div className="toolbar__group">
        <label
          className="field field--inline"
          title="How the cluster's network plugin (CNI) treats NetworkPolicy"
        >
          <ShieldIcon />
          <span className="toolbar__wide-text">Network plugin</span>
          <select
            value={mode}
            onChange={(e) =>
              store.getState().setNetworkPolicyMode(e.target.value as NetworkPolicyMode)
            }
          >
            <option value="enforcing">Enforcing (Calico, Cilium)</option>
            <option value="not-enforcing">Not enforcing (Flannel)</option>
          </select>
        </label>
      </div>
      <div className="toolbar__group toolbar__group--end">
        <input
          ref={file}
          type="file"
          accept=".yaml,.yml,.json,text/yaml"
          hidden
          onChange={(e) => void onImport(e)}
          aria-label="Import YAML file"
        />
        <MenuButton
          label="More"
          icon={<MoreIcon />}
          actions={[
            {
              label: 'History',
              icon: <ClockIcon />,
              onSelect: onToggleHistory,
              pressed: historyOpen,
              narrow: true,
            },
            {
              label: 'Pod labels',
              icon: <TagIcon />,
              onSelect: () => store.getState().setShowLabels(!showLabels),
              pressed: showLabels,
              narrow: true,
            },
            {
              label: 'Import YAML…',
              icon: <UploadIcon />,
              onSelect: () => file.current?.click(),
              title: 'Import a cluster from a YAML file',
            },
            {
              label: 'Export YAML',
              icon: <DownloadIcon />,
              onSelect: () => void onExport(),
              title: 'Export the cluster as a YAML file',
            },
          ]}
        />
        <ToolButton
          label="Reset cluster"
          text={
            <>
              Reset<span className="toolbar__wide-text"> cluster</span>
            </>
          }
          icon={<ResetIcon />}
          variant="danger"
          onClick={() => store.getState().reset()}
          title="Start over with a fresh cluster (Undo brings this one back)"
        />
        <MenuButton
          label="Help"
          icon={<HelpIcon />}
          actions={[
            {
              label: 'Guided start: your first cross-namespace call',
              onSelect: () => store.getState().openGuide(),
            },
          ]}
        />
      </div>
    </div>
  );
}
