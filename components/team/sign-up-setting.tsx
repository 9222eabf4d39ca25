"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Toggle } from "@/components/create/field";
import { type Announce, failureText, updateTeamSettings } from "@/components/team/team-api";

type Props = { initialOpen: boolean; canChange: boolean; announce: Announce };

/** Whether anyone may create an account: the owner's switch; others see how it is set. */
export function SignUpSetting({ initialOpen, canChange, announce }: Props) {
  const [open, setOpen] = useState(initialOpen);
  const update = useMutation({
    mutationFn: (openSignUp: boolean) => updateTeamSettings({ openSignUp }),
    onSuccess: ({ openSignUp }) => {
      setOpen(openSignUp);
      announce(openSignUp ? "Sign-up is open: anyone who can reach the studio can join as a member." : "Sign-up is invite-only again.");
    },
    onError: (error) => announce(failureText(error), "error"),
  });

  if (!canChange) {
    return (
      <p className="text-sm">
        {open
          ? "Sign-up is open: anyone who can reach this studio can create a member account."
          : "Sign-up is invite-only: people join through an invite link."}{" "}
        <span className="text-zinc-600 dark:text-zinc-400">Only the owner can change this.</span>
      </p>
    );
  }
  return (
    <Toggle
      id="open-sign-up"
      label="Open sign-up"
      description="When on, anyone who can reach this studio can create an account, as a member, without an invite link. Invite links keep working either way."
      checked={update.isPending ? (update.variables ?? open) : open}
      onChange={(checked) => update.mutate(checked)}
    />
  );
}
