/** The top bar: history (Undo/Redo/timeline), view toggles, network plugin, import/export, reset. */
import { useRef, type ChangeEvent } from 'react';
import type { NetworkPolicyMode } from '../../engine/index.ts';
import {
  ClockIcon,
  DownloadIcon,
  ListIcon,
  RedoIcon,
  ResetIcon,
  ShieldIcon,
  TagIcon,
  TargetIcon,
  UndoIcon,
  UploadIcon,
} from '../icons.tsx';
import { useLab, useLabStore } from './store-context.tsx';

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
        <button
          type="button"
          className="btn"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          aria-label="Undo"
          title="Undo (Ctrl+Z)"
        >
          <UndoIcon /> <span className="btn__text">Undo</span>
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          aria-label="Redo"
          title="Redo (Ctrl+Shift+Z)"
        >
          <RedoIcon /> <span className="btn__text">Redo</span>
        </button>
        <button
          type="button"
          className="btn btn--compact"
          aria-label="History"
          aria-pressed={historyOpen}
          onClick={onToggleHistory}
          title="History timeline"
        >
          <ClockIcon /> <span className="btn__text">History</span>
        </button>
      </div>
      <div className="toolbar__group">
        <button
          type="button"
          className="btn"
          aria-label="Show as list"
          aria-pressed={listView}
          onClick={() => store.getState().setListView(!listView)}
        >
          <ListIcon /> <span className="btn__text">Show as list</span>
        </button>
        <button
          type="button"
          className="btn btn--compact"
          aria-label="Pod labels"
          aria-pressed={showLabels}
          onClick={() => store.getState().setShowLabels(!showLabels)}
        >
          <TagIcon /> <span className="btn__text">Pod labels</span>
        </button>
        <button
          type="button"
          className="btn"
          aria-label="Reachability"
          aria-pressed={reach !== null}
          onClick={() => store.getState().setReach(reach ? null : { port: 80, protocol: 'TCP' })}
          title="Select a pod to see what it can reach, and who can reach it"
        >
          <TargetIcon /> <span className="btn__text">Reachability</span>
        </button>
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
          <span>Network plugin</span>
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
        <button
          type="button"
          className="btn btn--compact"
          aria-label="Import"
          onClick={() => file.current?.click()}
          title="Import a cluster from a YAML file"
        >
          <UploadIcon /> <span className="btn__text">Import</span>
        </button>
        <input
          ref={file}
          type="file"
          accept=".yaml,.yml,.json,text/yaml"
          hidden
          onChange={(e) => void onImport(e)}
          aria-label="Import YAML file"
        />
        <button
          type="button"
          className="btn btn--compact"
          aria-label="Export"
          onClick={() => void onExport()}
          title="Export the cluster as a YAML file"
        >
          <DownloadIcon /> <span className="btn__text">Export</span>
        </button>
        <button
          type="button"
          className="btn btn--danger"
          aria-label="Reset cluster"
          onClick={() => store.getState().reset()}
          title="Start over with a fresh cluster (Undo brings this one back)"
        >
          <ResetIcon /> <span className="btn__text">Reset cluster</span>
        </button>
      </div>
    </div>
  );
}
