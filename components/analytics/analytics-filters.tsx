import { buttonClass } from "@/components/ui/button";

export type FilterOptions = {
  flows: { id: string; name: string }[];
  versions: { id: string; number: number; isLive: boolean }[];
  flowId: string;
  versionId: string | null;
  fromDay: string;
  toDay: string;
  includeSimulated: boolean;
  exportHref: string | null;
};

const field = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/** A plain GET form: the filters live in the address, so a view can be bookmarked and shared. */
export function AnalyticsFilters({ options }: { options: FilterOptions }) {
  return (
    <form method="get" aria-label="Filters" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="analytics-flow" className="text-xs font-medium text-slate-600">
          Flow
        </label>
        <select id="analytics-flow" name="flow" defaultValue={options.flowId} className={field}>
          {options.flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="analytics-version" className="text-xs font-medium text-slate-600">
          Version
        </label>
        <select id="analytics-version" name="version" defaultValue={options.versionId ?? "all"} className={field}>
          <option value="all">All versions</option>
          {options.versions.map((version) => (
            <option key={version.id} value={version.id}>
              Version {version.number}
              {version.isLive ? " (live)" : ""}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="analytics-from" className="text-xs font-medium text-slate-600">
          From
        </label>
        <input id="analytics-from" type="date" name="from" defaultValue={options.fromDay} required className={field} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="analytics-to" className="text-xs font-medium text-slate-600">
          To
        </label>
        <input id="analytics-to" type="date" name="to" defaultValue={options.toDay} required className={field} />
      </div>
      <label className="flex items-center gap-2 py-2 text-sm text-slate-700">
        <input type="checkbox" name="simulated" value="include" defaultChecked={options.includeSimulated} className="h-4 w-4" />
        Include simulator traffic
      </label>
      <button type="submit" className={buttonClass("primary")}>
        Apply
      </button>
      {options.exportHref ? (
        <a href={options.exportHref} className={buttonClass("secondary", "ml-auto")} download>
          Export CSV
        </a>
      ) : null}
    </form>
  );
}
