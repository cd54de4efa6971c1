import type { DatasetDependency } from '../../../shared/dataset/dependencies';
import type { DelegateDatabase } from '../../db/db';
import type { AcceptedManifest, InstalledDataset } from '../../db/schema';
import { failure } from '../request-control';
import type { PreviewLayers, SyncFailure } from '../types';

/**
 * Which installed datasets build on which (from their accepted manifests' `dependsOn`), and the
 * rules that follow: a layer is installed only over its bases at the versions it names, and a
 * base cannot be taken away (or below such a version) from under an installed layer.
 */

/** The installed layers over `datasetId`, with the version of it each needs. */
export function dependentsOf(manifests: readonly AcceptedManifest[], datasetId: string): { datasetId: string; minVersion: number }[] {
  return manifests.flatMap((m) => {
    const need = m.dependsOn?.find((d) => d.datasetId === datasetId);
    return need ? [{ datasetId: m.datasetId, minVersion: need.minVersion }] : [];
  });
}

/**
 * A layer's bases, each installed at its lowest version or later; otherwise the refusal naming
 * the first base missing or too old. A base that (through its own bases) builds on the layer
 * would make a loop no install order can satisfy: refused too.
 */
export function checkBases(
  datasetId: string,
  dependsOn: readonly DatasetDependency[],
  registers: ReadonlyMap<string, InstalledDataset>,
  manifests: ReadonlyMap<string, AcceptedManifest>,
): PreviewLayers['bases'] | SyncFailure {
  const bases: PreviewLayers['bases'] = [];
  for (const need of dependsOn) {
    const installed = registers.get(need.datasetId);
    if (!installed) {
      return withVars(
        failure('base-missing', `"${datasetId}" builds on dataset "${need.datasetId}" version ${need.minVersion} or later, which is not installed. Install "${need.datasetId}" first.`),
        { base: need.datasetId, version: need.minVersion },
      );
    }
    if (installed.version < need.minVersion) {
      return withVars(
        failure(
          'base-too-old',
          `"${datasetId}" builds on "${need.datasetId}" version ${need.minVersion} or later; version ${installed.version} is installed. Update "${need.datasetId}" first.`,
        ),
        { base: need.datasetId, title: installed.title, version: need.minVersion, installed: installed.version },
      );
    }
    if (buildsOn(need.datasetId, datasetId, manifests)) {
      return withVars(failure('base-needed', `"${need.datasetId}" builds on "${datasetId}" itself: a dataset and its base cannot build on each other.`), {
        layer: need.datasetId,
        title: installed.title,
        version: need.minVersion,
      });
    }
    bases.push({ datasetId: need.datasetId, title: installed.title, minVersion: need.minVersion, installedVersion: installed.version });
  }
  return bases;
}

/** Whether `from` builds on `on`, directly or through its bases. */
function buildsOn(from: string, on: string, manifests: ReadonlyMap<string, AcceptedManifest>, seen = new Set<string>()): boolean {
  if (seen.has(from)) return false;
  seen.add(from);
  return (manifests.get(from)?.dependsOn ?? []).some((d) => d.datasetId === on || buildsOn(d.datasetId, on, manifests, seen));
}

/**
 * Refuses installing `version` of `datasetId` (undefined: removing it, as undoing its first
 * install does) when an installed layer needs a higher one. Names the first such layer.
 */
export async function baseNeededRefusal(database: DelegateDatabase, datasetId: string, version: number | undefined): Promise<SyncFailure | undefined> {
  const manifests = await database.acceptedManifests.toArray();
  for (const layer of dependentsOf(manifests, datasetId)) {
    if (layer.datasetId === datasetId || (version !== undefined && version >= layer.minVersion)) continue;
    const register = await database.datasets.get(layer.datasetId);
    if (!register) continue;
    const what = version === undefined ? `removes "${datasetId}"` : `leaves "${datasetId}" at version ${version}`;
    return withVars(
      failure('base-needed', `This ${what}, but the installed dataset "${layer.datasetId}" builds on it and needs version ${layer.minVersion} or later. Undo or update "${layer.datasetId}" first.`),
      { layer: layer.datasetId, title: register.title, base: datasetId, version: layer.minVersion },
    );
  }
  return undefined;
}

const withVars = (f: SyncFailure, vars: Record<string, string | number>): SyncFailure => ({ ...f, vars });
