import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { currentMember } from "@/lib/auth/member";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { studioHasOwner } from "@/lib/auth/page-member";
import { studioSettings } from "@/lib/auth/studio-settings";

export const metadata: Metadata = { title: "Create an account · Venice Studio" };
export const dynamic = "force-dynamic";

const signInLink = (
  <>
    Have an account?{" "}
    <Link href="/sign-in" className="font-medium text-accent-700 underline-offset-4 hover:underline dark:text-accent-400">
      Sign in
    </Link>
  </>
);

type SearchParams = { invite?: string | string[]; setup?: string | string[] };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (await currentMember(await headers())) redirect("/");
  const { invite, setup } = await searchParams;
  const inviteToken = typeof invite === "string" && invite ? invite : undefined;

  if (!(await studioHasOwner())) {
    // The start-up log prints the setup code and a link carrying it (?setup=).
    return (
      <AuthCard title="Set up your studio" intro="Create the owner account. You can invite your team once you are in.">
        <AuthForm mode="sign-up" ownerSetup={{ code: typeof setup === "string" ? setup : "" }} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </AuthCard>
    );
  }
  const form = <AuthForm mode="sign-up" inviteToken={inviteToken} minPasswordLength={MIN_PASSWORD_LENGTH} />;
  if (inviteToken) {
    return (
      <AuthCard title="Join the studio" intro="You were invited. Create your account to start making tracks." footer={signInLink}>
        {form}
      </AuthCard>
    );
  }
  if ((await studioSettings()).openSignUp) {
    return (
      <AuthCard title="Create your account" intro="Join the studio as a member." footer={signInLink}>
        {form}
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Invite only" intro="This studio takes new members by invite. Ask its owner or an admin for an invite link." footer={signInLink}>
      {null}
    </AuthCard>
  );
}
