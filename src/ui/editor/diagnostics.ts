/**
 * Editor diagnostics: the manifest is loaded and dry-run applied by the engine (nothing is
 * stored), and every refusal becomes a marker on the line where its object starts.
 */
import type { ClusterState } from '../../engine/model.ts';
import type { Runtime } from '../../store/index.ts';

export interface ManifestProblem {
  /** 1-based line where the problem (or its object) starts. */
  line: number;
  column: number;
  severity: 'error' | 'info';
  message: string;
}

/** What `kubectl apply` would say about the text, without applying it. */
export function checkManifest(
  rt: Pick<Runtime, 'loadManifests' | 'applyToState'>,
  state: ClusterState,
  text: string,
): ManifestProblem[] {
  if (text.trim() === '') return [];
  const loaded = rt.loadManifests(text, 'editor.yaml');
  if (!loaded.ok) {
    return [
      {
        line: loaded.source?.line ?? 1,
        column: loaded.source?.column ?? 1,
        severity: 'error',
        message: loaded.error,
      },
    ];
  }
  if (loaded.objects.length === 0) return [];
  const { outcomes } = rt.applyToState(state, loaded.objects, {
    mode: 'apply',
    namespace: state.context.namespace,
    dryRun: true,
  });
  return outcomes.map((o, i) => {
    const src = loaded.objects[i]!.source;
    if (o.ok) {
      return {
        line: src.line,
        column: src.column,
        severity: 'info' as const,
        message: `${o.ref} ${o.action} (dry run)`,
      };
    }
    const at = o.source ?? src;
    return {
      line: at.line,
      column: at.column,
      severity: 'error' as const,
      message: o.message.replace(/\n\s+at editor\.yaml:\d+:\d+$/, ''),
    };
  });
}
