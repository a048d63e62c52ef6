import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { listUsers } from "@/db/queries/users";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { CreateUserForm } from "./create-user-form";
import { UserRowActions } from "./user-row-actions";

export const metadata: Metadata = { title: "Users" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export default async function UsersPage() {
  const actor = await requirePageRole("admin");
  const users = await listUsers(actor);
  return (
    <>
      <PageHeader title="People" description="Who can use Threadline, and what their role lets them do." />
      <div className="flex flex-col gap-6">
        <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Person</th>
                <th scope="col" className="px-4 py-3 font-medium">Role</th>
                <th scope="col" className="px-4 py-3 font-medium">Last sign-in</th>
                <th scope="col" className="px-4 py-3 text-right font-medium">Change</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => (
                <tr key={user.id} className={user.active ? "" : "bg-slate-50 text-slate-500"}>
                  <td className="px-4 py-3">
                    <div className="font-medium">{user.name}</div>
                    <div className="text-xs text-slate-500">{user.email}</div>
                  </td>
                  <td className="px-4 py-3">
                    <span className="mr-2">{ROLE_LABELS[user.role]}</span>
                    {user.active ? null : <Badge tone="red">Deactivated</Badge>}
                  </td>
                  <td className="px-4 py-3 text-slate-600">{user.lastLoginAt ? dateFormat.format(user.lastLoginAt) : "Never"}</td>
                  <td className="px-4 py-3">
                    <UserRowActions
                      userId={user.id}
                      name={user.name}
                      role={user.role}
                      active={user.active}
                      isSelf={user.id === actor.userId}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CreateUserForm />
      </div>
    </>
  );
}
