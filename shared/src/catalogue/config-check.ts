/**
 * The catalogue against a centre's config: where each procedure is served and that every area exists.
 * Counters are derived from the config, never stored in the catalogue, so moving an area to another counter
 * needs no catalogue release. Pure.
 */
import type { CentreConfig } from '../config/schema.js';
import type { Catalogue, CatalogueProblem, Procedure } from './schema.js';

/** Problems naming catalogue fields: unknown area or department, or an area of another department. */
export function checkCatalogueAgainstConfig(
  catalogue: Pick<Catalogue, 'procedures'>,
  config: Pick<CentreConfig, 'areas' | 'departments'>,
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const areas = new Map(config.areas.map((a) => [a.id, a]));
  const departments = new Set(config.departments.map((d) => d.id));
  catalogue.procedures.forEach((p, i) => {
    if (!departments.has(p.departmentId))
      problems.push({
        field: `procedures[${i}].departmentId`,
        message: `unknown department "${p.departmentId}" in the centre's config`,
      });
    const area = areas.get(p.areaId);
    if (area === undefined)
      problems.push({
        field: `procedures[${i}].areaId`,
        message: `unknown area "${p.areaId}" in the centre's config`,
      });
    else if (area.departmentId !== p.departmentId)
      problems.push({
        field: `procedures[${i}].areaId`,
        message: `area "${p.areaId}" belongs to department "${area.departmentId}", not "${p.departmentId}"`,
      });
  });
  return problems;
}

export interface ProcedurePlace {
  areaId: string;
  areaName: string;
  departmentName: string;
  /** Counter numbers serving the procedure's area, in the config's order. */
  counters: number[];
}

/** Where to go for a procedure at this centre; null when the centre does not serve its area. */
export function placeOf(
  procedure: Pick<Procedure, 'areaId' | 'departmentId'>,
  config: Pick<CentreConfig, 'areas' | 'departments' | 'counters'>,
): ProcedurePlace | null {
  const area = config.areas.find((a) => a.id === procedure.areaId);
  if (area === undefined) return null;
  const department = config.departments.find((d) => d.id === area.departmentId);
  return {
    areaId: area.id,
    areaName: area.name,
    departmentName: department?.name ?? area.departmentId,
    counters: config.counters.filter((c) => c.areas.includes(area.id)).map((c) => c.number),
  };
}
