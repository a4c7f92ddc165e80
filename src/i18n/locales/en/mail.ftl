## mail: reminder email, the Outbox page, digest settings

nav-outbox = Outbox
mail-ics-file = follow-up

outbox-title = Outbox
outbox-delivery-smtp = Messages are sent through the SMTP server { $target }
outbox-delivery-folder = No SMTP server is configured: messages are saved as .eml files in the folder { $target }
outbox-filter-label = Show by state
outbox-filter-all = All
outbox-state-queued = Queued
outbox-state-sending = Sending
outbox-state-sent = Sent
outbox-state-failed = Failed
outbox-kind-digest = Morning digest
outbox-kind-assigned = Handover notice
outbox-none = No messages.
outbox-col-created = Created
outbox-col-recipient = To
outbox-col-subject = Subject
outbox-col-state = State
outbox-col-details = Attempts
outbox-limit = Showing the { $count } newest messages.
outbox-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
}
outbox-sent-at = sent { $at }
outbox-next-attempt = next attempt { $at }
outbox-failed-notice = { $count ->
    [one] 1 message could not be sent. Check it and try again.
   *[other] { $count } messages could not be sent. Check them and try again.
}
outbox-back = Outbox
outbox-retry = Try again
outbox-unreadable = The message cannot be read.
outbox-headers = Headers
outbox-field-from = From
outbox-field-to = To
outbox-field-date = Date
outbox-field-language = Language
outbox-field-message-id = Message-ID
outbox-field-key = Key
outbox-text = Plain text
outbox-html = HTML version
outbox-html-open = Open the HTML version (in a new tab)
outbox-html-source = Show the HTML source
outbox-attachments = Attachments
outbox-attachments-none = No attachments.
outbox-source = The whole message as it is sent
flash-outbox-retried = The message is back in the queue and will be sent shortly.
flash-outbox-not-failed = Only a failed message can be tried again.

admin-mail-title = Email reminders
admin-mail-outbox-link = Outbox
admin-mail-counts = { $queued } queued, { $sent } sent
admin-digest-time = Time of the morning digest
admin-digest-time-hint = Finnish time. The digest goes out only on days when a coach has follow-ups that are overdue or due that day.
admin-digest-time-save = Save the time
digest-time-error = Enter the time as 7.30.
flash-digest-time-saved = The time of the morning digest was saved.

profile-digest = Email reminders
profile-digest-hint = The morning digest goes out at { $time } on days when you have follow-ups that are overdue or due today.
profile-digest-legend = Morning digest
digest-preference-all = Overdue and due today
digest-preference-overdue = Only overdue
digest-preference-off = No morning digest
profile-digest-save = Save
profile-digest-error = Choose one of the options.
flash-digest-saved = Your reminder setting was saved.
# Subjects are built from these messages with numbers and dates only, never from what users typed.
mail-subject-digest = Follow-ups for { $date }: { $overdue ->
        [0] { $today } due today
       *[other] { $overdue } overdue{ $today ->
            [0] {""}
           *[other] , { $today } due today
        }
    }
mail-subject-assigned = { $items ->
        [0] You were given work
        [1] { $more ->
            [yes] You were given a follow-up and more
           *[no] You were given a follow-up
        }
       *[other] { $more ->
            [yes] You were given { $items } follow-ups and more
           *[no] You were given { $items } follow-ups
        }
    }
