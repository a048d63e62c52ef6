import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePageRole } from "@/lib/auth/session";
import { listAuditEntries } from "@/db/queries/audit";
import { listUsers } from "@/db/queries/users";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { AUDIT_KINDS, describeAuditEntry, isAuditKind } from "@/components/settings/audit-description";

export const metadata: Metadata = { title: "Audit log" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LIMIT = 200;

const querySchema = z.object({
  kind: z.string().optional().transform((value) => (value && isAuditKind(value) ? value : undefined)),
  person: z.string().optional().transform((value) => (value && z.uuid().safeParse(value).success ? value : undefined)),
  from: z.string().optional().transform((value) => (value && DAY.test(value) ? value : undefined)),
  to: z.string().optional().transform((value) => (value && DAY.test(value) ? value : undefined)),
});

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const startOf = (day: string) => new Date(`${day}T00:00:00.000Z`);
const endOf = (day: string) => new Date(`${day}T23:59:59.999Z`);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole("admin");
  const raw = await searchParams;
  const query = querySchema.parse({ kind: single(raw.kind), person: single(raw.person), from: single(raw.from), to: single(raw.to) });
  const fromDate = query.from ? startOf(query.from) : undefined;
  const toDate = query.to ? endOf(query.to) : undefined;
  const [entries, people] = await Promise.all([
    listAuditEntries(actor, {
      ...(query.kind ? { actions: AUDIT_KINDS[query.kind].actions } : {}),
      ...(query.person ? { actorId: query.person } : {}),
      ...(fromDate && !Number.isNaN(fromDate.getTime()) ? { from: fromDate } : {}),
      ...(toDate && !Number.isNaN(toDate.getTime()) ? { to: toDate } : {}),
      limit: LIMIT,
    }),
    listUsers(actor),
  ]);
  const filtered = query.kind !== undefined || query.person !== undefined || query.from !== undefined || query.to !== undefined;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who published, rolled back, changed people or channels, and every failed sign-in. Times are in UTC."
      />
      <form
        method="get"
        aria-label="Filter the audit log"
        className="mb-6 grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
      >
        <SelectField
          label="Kind"
          name="kind"
          defaultValue={query.kind ?? ""}
          options={[{ value: "", label: "Everything" }, ...Object.entries(AUDIT_KINDS).map(([value, kind]) => ({ value, label: kind.label }))]}
        />
        <SelectField
          label="Person"
          name="person"
          defaultValue={query.person ?? ""}
          options={[{ value: "", label: "Anyone" }, ...people.map((person) => ({ value: person.id, label: `${person.name} (${person.email})` }))]}
        />
        <TextField label="From" name="from" type="date" defaultValue={query.from} />
        <TextField label="To" name="to" type="date" defaultValue={query.to} />
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("primary")}>
            Filter
          </button>
          {filtered ? (
            <Link href="/settings/audit" className={buttonClass("ghost")}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      {entries.length === 0 ? (
        <EmptyState icon="📜" title={filtered ? "Nothing matches these filters" : "Nothing recorded yet"}>
          {filtered ? "Try a longer time range or another kind." : "Publishes, rollbacks and settings changes will appear here."}
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit entries, newest first</caption>
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">When (UTC)</th>
                <th scope="col" className="px-4 py-3 font-medium">What happened</th>
                <th scope="col" className="px-4 py-3 font-medium">Who</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-600">{dateFormat.format(entry.createdAt)}</td>
                  <td className="px-4 py-3">{describeAuditEntry(entry)}</td>
                  <td className="px-4 py-3 text-slate-600">{entry.actorEmail ?? (entry.address ? `from ${entry.address}` : "—")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length === LIMIT ? (
            <p className="border-t border-slate-100 px-4 py-3 text-xs text-slate-500">
              Showing the newest {LIMIT}. Narrow the filters to see older entries.
            </p>
          ) : null}
        </div>
      )}
    </>
  );
}
