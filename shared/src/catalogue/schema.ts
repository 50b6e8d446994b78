/**
 * The procedure catalogue: a versioned document synced from the hub to look-up terminals, validated like the
 * centre's config (every problem names its field). Pure: no Node imports, the screens bundle it.
 */
import { z } from 'zod';
import { issuesToProblems, type FieldProblem } from '../config/issues.js';
import { isDossierCode, DOSSIER_STATUSES } from './dossier-status.js';

export const CATALOGUE_VERSION = 1;

const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,59}$/,
    'must be 1-60 characters of a-z, 0-9 and "-", starting with a letter or digit',
  );
/** Text shown to citizens: trimmed, NFC (so search, sorting and printing agree), bounded. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => s === s.normalize('NFC'), 'must be Unicode NFC (composed) text');
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-MM-dd')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(s).toISOString().startsWith(s), {
    message: 'is not a real calendar date',
  });

const documentSchema = z
  .object({
    name: text(400),
    /** Number of copies to bring; 0 when the document is only shown, not handed in. */
    copies: z.number().int().min(0).max(20),
    /** e.g. "bản chính hoặc bản sao có chứng thực". */
    note: text(300).optional(),
  })
  .strict();

const feeSchema = z.union([
  z.object({ label: text(200), amountVnd: z.number().int().min(0).max(1_000_000_000) }).strict(),
  /** For fees that depend on the case ("0,15% giá trị hợp đồng, tối đa 5.000.000 đồng"). */
  z.object({ label: text(200), text: text(300) }).strict(),
]);

export const PROCEDURE_LEVELS = ['province', 'district', 'commune'] as const;

const procedureSchema = z
  .object({
    id,
    /** National procedure code in the style of the national database of procedures, e.g. "1.001193". */
    code: z.string().regex(/^\d\.\d{6}$/, 'must be a national procedure code such as "1.001193"'),
    name: text(300),
    /** What citizens call it ("sổ đỏ", "bằng lái"): indexed for search, not shown as the title. */
    shortNames: z.array(text(80)).max(20).default([]),
    departmentId: id,
    areaId: id,
    /** The level of government that decides; the centre may only receive and return. */
    level: z.enum(PROCEDURE_LEVELS),
    documents: z.array(documentSchema).min(1),
    /** Working days from a complete dossier; 0 = the same day. */
    processingDays: z.number().int().min(0).max(365),
    /** Shown instead of "{n} ngày làm việc" when the rule is more nuanced. */
    processingText: text(300).optional(),
    /** Empty: no fee or charge. */
    fees: z.array(feeSchema).max(20),
  })
  .strict();

const dossierSchema = z
  .object({
    code: z.string().refine(isDossierCode, 'must be a dossier code such as "000.00.19.H33-261201-0001"'),
    procedureId: id,
    status: z.enum(DOSSIER_STATUSES),
    receivedDate: date,
    dueDate: date,
  })
  .strict();

export const catalogueSchema = z
  .object({
    version: z.literal(CATALOGUE_VERSION, { error: `must be ${CATALOGUE_VERSION}` }),
    /** Bumped on every change; devices keep the newest they have seen. */
    revision: z.number().int().min(0),
    procedures: z.array(procedureSchema).min(1),
    /** Status table synced from the hub: codes, statuses and dates only, never personal data. */
    dossiers: z.array(dossierSchema).default([]),
  })
  .strict();

export type Catalogue = z.output<typeof catalogueSchema>;
export type CatalogueInput = z.input<typeof catalogueSchema>;
export type Procedure = Catalogue['procedures'][number];
export type ProcedureDocument = Procedure['documents'][number];
export type ProcedureFee = Procedure['fees'][number];
export type ProcedureLevel = Procedure['level'];
export type DossierRecord = Catalogue['dossiers'][number];

export type CatalogueProblem = FieldProblem;

export class CatalogueError extends Error {
  readonly reason = 'invalid-catalogue';
  constructor(readonly problems: readonly CatalogueProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
    this.name = 'CatalogueError';
  }
}

function crossCheck(c: Catalogue): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const ids = new Map<string, number>();
  const codes = new Map<string, number>();
  c.procedures.forEach((p, i) => {
    const other = ids.get(p.id);
    if (other !== undefined)
      problems.push({
        field: `procedures[${i}].id`,
        message: `duplicate id "${p.id}" (procedures[${other}])`,
      });
    ids.set(p.id, i);
    const sameCode = codes.get(p.code);
    if (sameCode !== undefined)
      problems.push({
        field: `procedures[${i}].code`,
        message: `duplicate code "${p.code}" (procedures[${sameCode}])`,
      });
    codes.set(p.code, i);
  });
  const seen = new Set<string>();
  c.dossiers.forEach((d, i) => {
    if (seen.has(d.code))
      problems.push({ field: `dossiers[${i}].code`, message: `duplicate code "${d.code}"` });
    seen.add(d.code);
    if (!ids.has(d.procedureId))
      problems.push({ field: `dossiers[${i}].procedureId`, message: `unknown procedure "${d.procedureId}"` });
    if (d.dueDate < d.receivedDate)
      problems.push({ field: `dossiers[${i}].dueDate`, message: `is before receivedDate ${d.receivedDate}` });
  });
  return problems;
}

/** Turns any input into a typed catalogue or a CatalogueError naming every bad field. */
export function parseCatalogue(raw: unknown): Catalogue {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const version = (raw as { version?: unknown }).version;
    if (typeof version === 'number' && version > CATALOGUE_VERSION)
      throw new CatalogueError([
        {
          field: 'version',
          message: `is ${version}, newer than this software understands (${CATALOGUE_VERSION}); update the software`,
        },
      ]);
  }
  const result = catalogueSchema.safeParse(raw);
  if (!result.success) throw new CatalogueError(issuesToProblems(result.error.issues));
  const problems = crossCheck(result.data);
  if (problems.length > 0) throw new CatalogueError(problems);
  return result.data;
}
