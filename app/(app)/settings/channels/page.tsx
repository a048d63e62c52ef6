import type { Metadata } from "next";
import { headers } from "next/headers";
import { randomBytes } from "node:crypto";
import { requirePageRole } from "@/lib/auth/session";
import { listChannelSettings, type ChannelSettings } from "@/db/queries/channels";
import { listDeadLetters } from "@/db/queries/outbox";
import { listFlows } from "@/db/queries/flows";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { CopyField } from "@/components/settings/copy-field";
import { ChannelForm } from "./channel-form";
import { SendTestForm } from "./send-test-form";
import { RetryButton } from "./retry-button";

export const metadata: Metadata = { title: "Channels" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const STATUS: Record<ChannelSettings["status"], { tone: "green" | "red" | "slate"; label: string; help: string }> = {
  active: { tone: "green", label: "Active", help: "Replies are being sent." },
  unauthorized: {
    tone: "red",
    label: "Unauthorized",
    help: "WhatsApp refused the access token. Replies wait until you save a new token below.",
  },
  disabled: { tone: "slate", label: "Disabled", help: "Nothing is sent on this number." },
};

async function appOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const proto = list.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function ChannelsPage() {
  const actor = await requirePageRole("admin");
  const [channels, deadLetters, flows, origin] = await Promise.all([
    listChannelSettings(actor),
    listDeadLetters(actor),
    listFlows(actor),
    appOrigin(),
  ]);
  const flowOptions = flows.map((flow) => ({ id: flow.id, name: flow.name }));
  const webhookUrl = `${origin}/api/webhooks/whatsapp`;

  return (
    <>
      <PageHeader
        title="Channels"
        description="Your WhatsApp numbers: which flow each one runs, and what Meta needs to deliver messages here."
      />
      <div className="flex flex-col gap-6">
        {channels.length === 0 ? (
          <EmptyState icon="📱" title="No WhatsApp number yet">
            Add one below with the details from Meta&apos;s WhatsApp Manager.
          </EmptyState>
        ) : (
          channels.map((channel) => (
            <section
              key={channel.id}
              aria-label={channel.name}
              className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-white p-5"
            >
              <header className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h2 className="text-base font-semibold">{channel.name}</h2>
                  <p className="text-sm text-slate-600">
                    {channel.displayPhoneNumber ? `+${channel.displayPhoneNumber.replace(/^\+/, "")} · ` : ""}
                    {channel.flowName ? `runs “${channel.flowName}”` : "no flow: messages are stored but not answered"}
                  </p>
                </div>
                <div className="text-right">
                  <span data-testid="channel-status">
                    <Badge tone={STATUS[channel.status].tone}>{STATUS[channel.status].label}</Badge>
                  </span>
                  <p className="mt-1 max-w-xs text-xs text-slate-500">{STATUS[channel.status].help}</p>
                </div>
              </header>
              <div className="grid gap-4 sm:grid-cols-2">
                <CopyField label="Webhook URL" value={webhookUrl} />
                <CopyField label="Verify token" value={channel.verifyToken} />
              </div>
              <details className="rounded-lg border border-slate-200 p-4">
                <summary className="cursor-pointer text-sm font-medium">Edit settings</summary>
                <div className="mt-4">
                  <ChannelForm
                    flows={flowOptions}
                    channel={{
                      channelId: channel.id,
                      name: channel.name,
                      phoneNumberId: channel.phoneNumberId,
                      displayPhoneNumber: channel.displayPhoneNumber,
                      verifyToken: channel.verifyToken,
                      graphUrl: channel.graphUrl,
                      flowId: channel.flowId,
                    }}
                  />
                </div>
              </details>
              <details className="rounded-lg border border-slate-200 p-4">
                <summary className="cursor-pointer text-sm font-medium">Send a test message</summary>
                <div className="mt-4">
                  <SendTestForm channelId={channel.id} channelName={channel.name} />
                </div>
              </details>
            </section>
          ))
        )}

        <section aria-label="Messages that could not be sent" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 className="text-base font-semibold">Messages that could not be sent</h2>
          <p className="mb-3 text-sm text-slate-600">
            Replies WhatsApp kept refusing after every retry. Fix the cause (for example the access token), then retry them.
          </p>
          {deadLetters.length === 0 ? (
            <p className="text-sm text-slate-500">None. Every reply was delivered or is still being retried.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead className="text-xs tracking-wide text-slate-500 uppercase">
                <tr>
                  <th scope="col" className="py-2 font-medium">To</th>
                  <th scope="col" className="py-2 font-medium">Queued</th>
                  <th scope="col" className="py-2 font-medium">Attempts</th>
                  <th scope="col" className="py-2 font-medium">Last error</th>
                  <th scope="col" className="py-2 text-right font-medium">
                    <span className="sr-only">Retry</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {deadLetters.map((row) => (
                  <tr key={row.id}>
                    <td className="py-2">{row.customerKey}</td>
                    <td className="py-2 text-slate-600">{dateFormat.format(row.createdAt)} UTC</td>
                    <td className="py-2 text-slate-600">{row.attempts}</td>
                    <td className="max-w-sm py-2 text-slate-600">{row.lastError ?? "unknown"}</td>
                    <td className="py-2">
                      <RetryButton outboxId={row.id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-label="Add a WhatsApp number" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 className="mb-4 text-base font-semibold">Add a WhatsApp number</h2>
          <ChannelForm flows={flowOptions} suggestedVerifyToken={randomBytes(12).toString("base64url")} />
        </section>
      </div>
    </>
  );
}
