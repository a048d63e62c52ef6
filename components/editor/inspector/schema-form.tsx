"use client";

import { useId, type ReactNode } from "react";
import { z } from "zod";
import { charCount } from "@/lib/flow/whatsapp-limits";
import { charLimitFor, itemNounFor, labelFor, LONG_TEXT_KEYS, optionWords } from "./field-words";

export type NodeOption = { id: string; label: string };

/** What every field of a schema form needs besides its own value. */
export type FormContext = {
  readOnly: boolean;
  /** Messages for a dotted path such as "answer.choices.3.title". */
  errorsAt: (path: string) => readonly string[];
  fieldKeys: readonly string[];
  handoffNodes: readonly NodeOption[];
  allNodes: readonly NodeOption[];
  limits: { isInteractive: boolean; categoriesAsButtons: boolean };
};

type FieldProps = { schema: z.ZodType; value: unknown; onChange: (value: unknown) => void; path: readonly string[]; ctx: FormContext };

const FIELD_KEY_NAMES: ReadonlySet<string> = new Set(["saveTo", "referenceField", "field", "expectedField", "appointmentField", "slotField"]);
const HANDOFF_REFERENCES: ReadonlySet<string> = new Set(["handoffNodeId", "defaultHandoffNodeId"]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

/** Peels optional/default/pipe wrappers: the form draws the inner type and only needs to know it may be absent. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; isOptional: boolean } {
  let inner = schema;
  let isOptional = false;
  for (;;) {
    if (inner instanceof z.ZodOptional) {
      isOptional = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodPipe) {
      inner = inner.in as z.ZodType;
    } else {
      return { inner, isOptional };
    }
  }
}

/** A fresh value for a new list entry or a switched kind; ids are made unique among the siblings. */
export function sampleValue(schema: z.ZodType, key: string, siblings: readonly unknown[] = []): unknown {
  const fromDefault = schema.safeParse(undefined);
  if (fromDefault.success && fromDefault.data !== undefined) return fromDefault.data;
  const { inner, isOptional } = unwrap(schema);
  if (isOptional) return undefined;
  if (inner instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = inner.shape;
    const result: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(shape)) {
      const value = childKey === "id" ? uniqueId(siblings) : sampleValue(child, childKey);
      if (value !== undefined) result[childKey] = value;
    }
    return result;
  }
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const [first] = inner.options;
    return first ? sampleValue(first as z.ZodType, key) : {};
  }
  if (inner instanceof z.ZodArray) return [];
  if (inner instanceof z.ZodString) return key === "title" || key === "label" ? "New option" : "";
  if (inner instanceof z.ZodNumber) return inner.minValue !== null && Number.isFinite(inner.minValue) ? inner.minValue : 0;
  if (inner instanceof z.ZodBoolean) return false;
  if (inner instanceof z.ZodEnum) return inner.options[0];
  if (inner instanceof z.ZodLiteral) return inner.value;
  if (inner instanceof z.ZodRecord) return {};
  return undefined;
}

function uniqueId(siblings: readonly unknown[]): string {
  const taken = new Set(siblings.map((sibling) => (isRecord(sibling) ? sibling.id : undefined)));
  let n = siblings.length + 1;
  while (taken.has(`option_${n}`)) n += 1;
  return `option_${n}`;
}

const pathKey = (path: readonly string[]) => path.join(".");
const domId = (path: readonly string[]) => `field-${path.join("-") || "root"}`;

function FieldErrors({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="mt-1 flex flex-col gap-0.5 text-xs text-red-700">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/** Draws a form for any zod schema the node catalogue uses; special keys get friendlier widgets. */
export function SchemaField({ schema, value, onChange, path, ctx }: FieldProps) {
  const key = path[path.length - 1] ?? "";
  const { inner, isOptional } = unwrap(schema);
  if (inner instanceof z.ZodLiteral) return null;
  if (isOptional && (inner instanceof z.ZodObject || inner instanceof z.ZodDiscriminatedUnion)) {
    return <OptionalGroup schema={inner} value={value} onChange={onChange} path={path} ctx={ctx} />;
  }
  if (inner instanceof z.ZodObject) return <ObjectFields schema={inner} value={value} onChange={onChange} path={path} ctx={ctx} />;
  if (inner instanceof z.ZodDiscriminatedUnion) return <UnionFields schema={inner} value={value} onChange={onChange} path={path} ctx={ctx} />;
  if (inner instanceof z.ZodArray) return <ArrayField schema={inner} value={value} onChange={onChange} path={path} ctx={ctx} />;
  if (inner instanceof z.ZodBoolean) return <CheckboxField label={labelFor(key)} value={value === true} onChange={onChange} path={path} ctx={ctx} />;
  if (inner instanceof z.ZodEnum) {
    return (
      <SelectField
        label={labelFor(key)}
        value={asString(value)}
        options={inner.options.map((option) => ({ id: String(option), label: optionWords(String(option)) }))}
        onChange={onChange}
        path={path}
        ctx={ctx}
      />
    );
  }
  if (inner instanceof z.ZodNumber) return <NumberField label={labelFor(key)} value={value} onChange={onChange} path={path} ctx={ctx} />;
  if (inner instanceof z.ZodRecord) return <RecordField value={value} onChange={onChange} path={path} ctx={ctx} />;
  if (inner instanceof z.ZodString) {
    if (HANDOFF_REFERENCES.has(key)) {
      return (
        <SelectField
          label={labelFor(key)}
          value={asString(value)}
          options={[{ id: "", label: isOptional ? "— The flow's default handoff —" : "— Pick a handoff step —" }, ...ctx.handoffNodes]}
          onChange={(next) => onChange(next === "" && isOptional ? undefined : next)}
          path={path}
          ctx={ctx}
        />
      );
    }
    return (
      <TextInput
        label={labelFor(key)}
        value={asString(value)}
        multiline={LONG_TEXT_KEYS.has(key)}
        limit={charLimitFor(path, ctx.limits)}
        suggestions={FIELD_KEY_NAMES.has(key) ? ctx.fieldKeys : undefined}
        onChange={(next) => onChange(next === "" && isOptional ? undefined : next)}
        path={path}
        ctx={ctx}
      />
    );
  }
  return <JsonField value={value} onChange={onChange} path={path} ctx={ctx} />;
}

function ObjectFields({ schema, value, onChange, path, ctx, skip = [] }: Omit<FieldProps, "schema"> & { schema: z.ZodObject; skip?: readonly string[] }) {
  const current = isRecord(value) ? value : {};
  const shape: Record<string, z.ZodType> = schema.shape;
  const messages = ctx.errorsAt(pathKey(path));
  return (
    <div className="flex flex-col gap-3">
      {Object.entries(shape)
        .filter(([childKey]) => !skip.includes(childKey))
        .map(([childKey, child]) => (
          <SchemaField
            key={childKey}
            schema={child}
            value={current[childKey]}
            onChange={(next) => {
              const copy = { ...current };
              if (next === undefined) delete copy[childKey];
              else copy[childKey] = next;
              onChange(copy);
            }}
            path={[...path, childKey]}
            ctx={ctx}
          />
        ))}
      {path.length > 0 ? <FieldErrors id={`${domId(path)}-errors`} messages={messages} /> : null}
    </div>
  );
}

function UnionFields({ schema, value, onChange, path, ctx }: Omit<FieldProps, "schema"> & { schema: z.ZodDiscriminatedUnion }) {
  const discriminator = schema.def.discriminator;
  const current = isRecord(value) ? value : {};
  const options = schema.options.flatMap((option) => (option instanceof z.ZodObject ? [option] : []));
  const kindOf = (option: z.ZodObject): string => {
    const literal: unknown = option.shape[discriminator];
    return literal instanceof z.ZodLiteral ? String(literal.value) : "";
  };
  const kind = asString(current[discriminator]);
  const selected = options.find((option) => kindOf(option) === kind);
  const key = path[path.length - 1] ?? "";
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
      <SelectField
        label={labelFor(key)}
        value={kind}
        options={options.map((option) => ({ id: kindOf(option), label: optionWords(kindOf(option)) }))}
        onChange={(next) => {
          const option = options.find((candidate) => kindOf(candidate) === next);
          if (option) onChange(sampleValue(option, key));
        }}
        path={[...path, discriminator]}
        ctx={ctx}
      />
      {selected ? <ObjectFields schema={selected} value={current} onChange={onChange} path={path} ctx={ctx} skip={[discriminator]} /> : null}
    </fieldset>
  );
}

function OptionalGroup({ schema, value, onChange, path, ctx }: FieldProps) {
  const key = path[path.length - 1] ?? "";
  const isOn = value !== undefined;
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
      <CheckboxField
        label={`${labelFor(key)}`}
        value={isOn}
        onChange={(next) => onChange(next === true ? sampleValue(schema, key) : undefined)}
        path={[...path, "__enabled"]}
        ctx={ctx}
      />
      {isOn ? <SchemaField schema={schema} value={value} onChange={onChange} path={path} ctx={ctx} /> : null}
    </fieldset>
  );
}

function ArrayField({ schema, value, onChange, path, ctx }: Omit<FieldProps, "schema"> & { schema: z.ZodArray }) {
  const key = path[path.length - 1] ?? "";
  const items = asArray(value);
  const element = unwrap(schema.element as z.ZodType).inner;
  const messages = ctx.errorsAt(pathKey(path));
  const errorsId = `${domId(path)}-errors`;

  if (element instanceof z.ZodString || element instanceof z.ZodNumber) {
    if (key === "requiredAt") {
      return (
        <CheckboxList label={labelFor(key)} options={ctx.allNodes} value={items.map(asString)} onChange={onChange} path={path} ctx={ctx} />
      );
    }
    return (
      <LinesField
        label={labelFor(key)}
        value={items.map(asString)}
        onChange={(lines) => onChange(element instanceof z.ZodNumber ? lines.map(Number) : lines)}
        path={path}
        ctx={ctx}
      />
    );
  }
  if (element instanceof z.ZodEnum) {
    return (
      <CheckboxList
        label={labelFor(key)}
        options={element.options.map((option) => ({ id: String(option), label: optionWords(String(option)) }))}
        value={items.map(asString)}
        onChange={onChange}
        path={path}
        ctx={ctx}
      />
    );
  }
  if (element instanceof z.ZodArray && key === "requirements") {
    const fieldOptions = ctx.fieldKeys.map((fieldKey) => ({ id: fieldKey, label: fieldKey }));
    return (
      <fieldset className="flex flex-col gap-2" data-field-path={pathKey(path)} aria-describedby={messages.length > 0 ? errorsId : undefined}>
        <legend className="text-sm font-medium text-slate-700">{labelFor(key)}</legend>
        {items.map((item, index) => (
          <div key={index} className="rounded-md border border-slate-200 p-2">
            <CheckboxList
              label={`Requirement ${index + 1}`}
              options={fieldOptions}
              value={asArray(item).map(asString)}
              onChange={(next) => onChange(items.map((old, i) => (i === index ? next : old)))}
              path={[...path, String(index)]}
              ctx={ctx}
            />
            {ctx.readOnly ? null : (
              <button type="button" className="mt-1 text-xs text-red-700 hover:underline" onClick={() => onChange(items.filter((_, i) => i !== index))}>
                Remove requirement {index + 1}
              </button>
            )}
          </div>
        ))}
        {fieldOptions.length === 0 ? <p className="text-xs text-slate-500">Add fields first, then tick the ones this topic needs.</p> : null}
        {ctx.readOnly ? null : (
          <button type="button" className="self-start rounded-md border border-slate-300 px-2 py-1 text-xs" onClick={() => onChange([...items, []])}>
            Add requirement
          </button>
        )}
        <FieldErrors id={errorsId} messages={messages} />
      </fieldset>
    );
  }

  const noun = itemNounFor(key);
  return (
    <fieldset className="flex flex-col gap-2" data-field-path={pathKey(path)} aria-describedby={messages.length > 0 ? errorsId : undefined}>
      <legend className="text-sm font-medium text-slate-700">
        {labelFor(key)} <span className="font-normal text-slate-500">({items.length})</span>
      </legend>
      {items.map((item, index) => (
        <div key={index} className="rounded-md border border-slate-200 bg-slate-50/60 p-2.5" data-testid={`${key}-item`}>
          <div className="mb-2 flex items-center justify-between">
            <span className="text-xs font-semibold text-slate-600">
              {noun} {index + 1}
            </span>
            {ctx.readOnly ? null : (
              <span className="flex gap-1">
                <button
                  type="button"
                  disabled={index === 0}
                  aria-label={`Move ${noun.toLowerCase()} ${index + 1} up`}
                  className="rounded px-1.5 text-xs text-slate-600 hover:bg-slate-200 disabled:opacity-30"
                  onClick={() => onChange(items.map((old, i) => (i === index - 1 ? items[index] : i === index ? items[index - 1] : old)))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${noun.toLowerCase()} ${index + 1}`}
                  className="rounded px-1.5 text-xs text-red-700 hover:bg-red-50"
                  onClick={() => onChange(items.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              </span>
            )}
          </div>
          <SchemaField
            schema={schema.element as z.ZodType}
            value={item}
            onChange={(next) => onChange(items.map((old, i) => (i === index ? next : old)))}
            path={[...path, String(index)]}
            ctx={ctx}
          />
        </div>
      ))}
      {ctx.readOnly ? null : (
        <button
          type="button"
          className="self-start rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
          onClick={() => onChange([...items, sampleValue(schema.element as z.ZodType, key, items)])}
        >
          Add {noun.toLowerCase()}
        </button>
      )}
      <FieldErrors id={errorsId} messages={messages} />
    </fieldset>
  );
}

function Labelled({ label, path, ctx, children, extra }: { label: string; path: readonly string[]; ctx: FormContext; children: (props: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode; extra?: ReactNode }) {
  const reactId = useId();
  const id = `${domId(path)}${reactId.replace(/:/g, "")}`;
  const messages = ctx.errorsAt(pathKey(path));
  const errorsId = `${id}-errors`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label}
        </label>
        {extra}
      </div>
      {children({ id, describedBy: messages.length > 0 ? errorsId : undefined, invalid: messages.length > 0 })}
      <FieldErrors id={errorsId} messages={messages} />
    </div>
  );
}

const inputClass = (invalid: boolean) =>
  `w-full rounded-md border bg-white px-2.5 py-1.5 text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50 disabled:text-slate-600 ${
    invalid ? "border-red-400" : "border-slate-300"
  }`;

function TextInput({
  label,
  value,
  multiline,
  limit,
  suggestions,
  onChange,
  path,
  ctx,
}: {
  label: string;
  value: string;
  multiline: boolean;
  limit: number | undefined;
  suggestions: readonly string[] | undefined;
  onChange: (value: string) => void;
  path: readonly string[];
  ctx: FormContext;
}) {
  const count = charCount(value);
  const counter =
    limit === undefined ? undefined : (
      <span className={`text-xs tabular-nums ${count > limit ? "font-semibold text-red-700" : "text-slate-500"}`} aria-live="polite" data-testid="char-counter">
        {count} / {limit}
      </span>
    );
  const listId = `${domId(path)}-suggestions`;
  return (
    <Labelled label={label} path={path} ctx={ctx} extra={counter}>
      {({ id, describedBy, invalid }) =>
        multiline ? (
          <textarea
            id={id}
            data-field-path={pathKey(path)}
            value={value}
            rows={3}
            disabled={ctx.readOnly}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
            className={inputClass(invalid)}
          />
        ) : (
          <>
            <input
              id={id}
              data-field-path={pathKey(path)}
              value={value}
              disabled={ctx.readOnly}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              list={suggestions ? listId : undefined}
              onChange={(event) => onChange(event.target.value)}
              className={inputClass(invalid)}
            />
            {suggestions ? (
              <datalist id={listId}>
                {suggestions.map((suggestion) => (
                  <option key={suggestion} value={suggestion} />
                ))}
              </datalist>
            ) : null}
          </>
        )
      }
    </Labelled>
  );
}

function NumberField({ label, value, onChange, path, ctx }: { label: string; value: unknown; onChange: (value: unknown) => void; path: readonly string[]; ctx: FormContext }) {
  return (
    <Labelled label={label} path={path} ctx={ctx}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="number"
          step="any"
          data-field-path={pathKey(path)}
          value={asString(value)}
          disabled={ctx.readOnly}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          // An empty or partial number stays text, so the form shows "should be a number" instead of guessing.
          onChange={(event) => onChange(event.target.value === "" || Number.isNaN(event.target.valueAsNumber) ? event.target.value : event.target.valueAsNumber)}
          className={inputClass(invalid)}
        />
      )}
    </Labelled>
  );
}

function SelectField({
  label,
  value,
  options,
  onChange,
  path,
  ctx,
}: {
  label: string;
  value: string;
  options: readonly NodeOption[];
  onChange: (value: string) => void;
  path: readonly string[];
  ctx: FormContext;
}) {
  const known = options.some((option) => option.id === value);
  return (
    <Labelled label={label} path={path} ctx={ctx}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          data-field-path={pathKey(path)}
          value={value}
          disabled={ctx.readOnly}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          className={inputClass(invalid)}
        >
          {known ? null : <option value={value}>{value === "" ? "— Pick one —" : `${value} (missing)`}</option>}
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

function CheckboxField({ label, value, onChange, path, ctx }: { label: string; value: boolean; onChange: (value: unknown) => void; path: readonly string[]; ctx: FormContext }) {
  const messages = ctx.errorsAt(pathKey(path));
  return (
    <div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" data-field-path={pathKey(path)} checked={value} disabled={ctx.readOnly} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
      <FieldErrors id={`${domId(path)}-errors`} messages={messages} />
    </div>
  );
}

function CheckboxList({ label, options, value, onChange, path, ctx }: { label: string; options: readonly NodeOption[]; value: readonly string[]; onChange: (value: string[]) => void; path: readonly string[]; ctx: FormContext }) {
  const chosen = new Set(value);
  const messages = ctx.errorsAt(pathKey(path));
  return (
    <fieldset data-field-path={pathKey(path)}>
      <legend className="text-sm font-medium text-slate-700">{label}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option.id} className="flex items-center gap-1.5 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={chosen.has(option.id)}
              disabled={ctx.readOnly}
              onChange={(event) => onChange(event.target.checked ? [...value, option.id] : value.filter((id) => id !== option.id))}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldErrors id={`${domId(path)}-errors`} messages={messages} />
    </fieldset>
  );
}

function LinesField({ label, value, onChange, path, ctx }: { label: string; value: readonly string[]; onChange: (value: string[]) => void; path: readonly string[]; ctx: FormContext }) {
  return (
    <Labelled label={label} path={path} ctx={ctx}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          data-field-path={pathKey(path)}
          value={value.join("\n")}
          rows={Math.min(6, Math.max(2, value.length + 1))}
          disabled={ctx.readOnly}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          // Blank lines are dropped only when the list is read, so typing a new line keeps the cursor where it is.
          onChange={(event) => onChange(event.target.value.split("\n"))}
          className={inputClass(invalid)}
        />
      )}
    </Labelled>
  );
}

function RecordField({ value, onChange, path, ctx }: { value: unknown; onChange: (value: unknown) => void; path: readonly string[]; ctx: FormContext }) {
  const entries = isRecord(value) ? Object.entries(value).map(([k, v]) => `${k}: ${asString(v)}`) : [];
  return (
    <LinesField
      label={`${labelFor(path[path.length - 1] ?? "")} (one “name: value” per line)`}
      value={entries}
      onChange={(lines) =>
        onChange(
          Object.fromEntries(
            lines.flatMap((line) => {
              const at = line.indexOf(":");
              return at <= 0 ? [] : [[line.slice(0, at).trim(), line.slice(at + 1).trim()]];
            }),
          ),
        )
      }
      path={path}
      ctx={ctx}
    />
  );
}

function JsonField({ value, onChange, path, ctx }: { value: unknown; onChange: (value: unknown) => void; path: readonly string[]; ctx: FormContext }) {
  return (
    <TextInput
      label={labelFor(path[path.length - 1] ?? "")}
      value={JSON.stringify(value ?? null)}
      multiline
      limit={undefined}
      suggestions={undefined}
      onChange={(text) => {
        try {
          onChange(JSON.parse(text));
        } catch {
          onChange(text);
        }
      }}
      path={path}
      ctx={ctx}
    />
  );
}
