/**
 * English strings for what the briefing relay and invitations can say went wrong: one per
 * typed code in shared/collab/invitation.ts (InvitationError) and relay-protocol.ts
 * (RelayErrorCode), keyed `relay.invitation.<error>` and `relay.error.<code>`.
 */
export const relay = {
  'relay.invitation.empty': 'Paste an invitation code, or open an invitation file.',
  'relay.invitation.too-long': 'This is much longer than an invitation. Paste only the code that starts with ADB-INVITE-.',
  'relay.invitation.not-an-invitation': 'This is not an invitation to a briefing.',
  'relay.invitation.unsupported-version': 'This invitation comes from a newer version of the app. Update the app, then open the invitation again.',
  'relay.invitation.damaged': 'This invitation is incomplete or has been altered. Ask the lead to send it again.',
  'relay.invitation.unsafe-relay-address': 'This invitation points to a relay the app will not connect to: the address must start with wss://. Ask the lead to check the relay address.',
  'relay.invitation.expired': 'This invitation has expired. Ask the lead for a new one.',
  'relay.error.bad-document': 'The relay did not recognise this briefing. Update the app; if this continues, contact your IT team.',
  'relay.error.bad-token': 'The relay did not accept your invitation. Ask the lead to invite you again.',
  'relay.error.revoked': 'The lead removed you from this briefing. Your copy stays on this computer but no longer syncs.',
  'relay.error.unknown-briefing': 'The relay does not have this briefing (it may have lost its data). Your work is kept here; it syncs again once the lead reconnects.',
  'relay.error.forbidden-write': 'Your role on this briefing does not allow this change, so it was not sent to the others.',
  'relay.error.not-comment-author': 'The relay refused a change to the comments: a comment, reply or resolve can only be written in your own name, and only its author may edit or delete a comment. Comments stop syncing from this computer until the app is reopened; what you have here is kept.',
  'relay.error.not-edit-author': 'The relay refused a change to the briefing: it recorded an edit or a removal in another member’s name. The briefing stops syncing from this computer until the app is reopened; what you have here is kept.',
  'relay.error.edits-held': 'Some of your colleagues’ changes that the relay had lost are waiting for the head of delegation to accept them. Your own changes keep syncing.',
  'relay.error.role-changed': 'The lead changed your role. Reconnecting with your new access…',
  'relay.error.invitation-expired': 'This invitation expired before it was used. Ask the lead for a new one.',
  'relay.error.protocol-mismatch': 'The relay speaks a different version of the app’s protocol, or is not a briefing relay. Update the app or contact your IT team.',
} as const;
