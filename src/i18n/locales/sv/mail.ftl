## mail: reminder email, the Outbox page, digest settings

nav-outbox = Utkorg
mail-ics-file = uppfoljning

outbox-title = Utkorg
outbox-delivery-smtp = Meddelandena skickas via SMTP-servern: { $target }
outbox-delivery-folder = Ingen SMTP-server är inställd: meddelandena sparas som .eml-filer i mappen { $target }
outbox-filter-label = Visa efter status
outbox-filter-all = Alla
outbox-state-queued = I kö
outbox-state-sending = Skickas
outbox-state-sent = Skickat
outbox-state-failed = Misslyckades
outbox-kind-digest = Morgonsammandrag
outbox-kind-assigned = Meddelande om överlåtelse
outbox-none = Inga meddelanden.
outbox-col-created = Skapat
outbox-col-recipient = Mottagare
outbox-col-subject = Ämne
outbox-col-state = Status
outbox-col-details = Försök
outbox-limit = De { $count } senaste meddelandena visas.
outbox-attempts = { $count ->
    [one] 1 försök
   *[other] { $count } försök
}
outbox-sent-at = skickat { $at }
outbox-next-attempt = nästa försök { $at }
outbox-failed-notice = { $count ->
    [one] 1 meddelande kunde inte skickas. Kontrollera och försök igen.
   *[other] { $count } meddelanden kunde inte skickas. Kontrollera och försök igen.
}
outbox-back = Utkorg
outbox-retry = Försök igen
outbox-unreadable = Meddelandet kan inte läsas.
outbox-headers = Rubriker
outbox-field-from = Avsändare
outbox-field-to = Mottagare
outbox-field-date = Datum
outbox-field-language = Språk
outbox-field-message-id = Message-ID
outbox-field-key = Identifierare
outbox-text = Textversion
outbox-html = HTML-version
outbox-html-open = Öppna HTML-versionen (i en ny flik)
outbox-html-source = Visa HTML-källtexten
outbox-attachments = Bilagor
outbox-attachments-none = Inga bilagor.
outbox-source = Hela meddelandet så som det skickas
flash-outbox-retried = Meddelandet lades tillbaka i kön och skickas om en stund.
flash-outbox-not-failed = Bara ett misslyckat meddelande kan försökas igen.

admin-mail-title = Påminnelser per e-post
admin-mail-outbox-link = Utkorg
admin-mail-counts = { $queued } i kö, { $sent } skickade
admin-digest-time = Klockslag för morgonsammandraget
admin-digest-time-hint = Finsk tid. Sammandraget skickas bara de dagar då handledaren har försenade uppföljningar eller uppföljningar som förfaller samma dag.
admin-digest-time-save = Spara klockslaget
digest-time-error = Ange klockslaget i formen 7.30.
flash-digest-time-saved = Klockslaget för morgonsammandraget har sparats.

profile-digest = Påminnelser per e-post
profile-digest-hint = Morgonsammandraget skickas kl. { $time } de dagar då du har försenade uppföljningar eller uppföljningar som förfaller i dag.
profile-digest-legend = Morgonsammandrag
digest-preference-all = Försenade och de som förfaller i dag
digest-preference-overdue = Bara försenade
digest-preference-off = Inget morgonsammandrag
profile-digest-save = Spara
profile-digest-error = Välj ett av alternativen.
flash-digest-saved = Inställningen för påminnelser har sparats.
# Subjects are built from these messages with numbers and dates only, never from what users typed.
mail-subject-digest = Uppföljningar { $date }: { $overdue ->
        [0] { $today } i dag
       *[other] { $overdue } { $overdue ->
            [1] försenad
           *[other] försenade
        }{ $today ->
            [0] {""}
           *[other] , { $today } i dag
        }
    }
mail-subject-assigned = { $items ->
        [0] Du har fått uppgifter
        [1] { $more ->
            [yes] Du har fått en uppföljning och andra uppgifter
           *[no] Du har fått en uppföljning
        }
       *[other] { $more ->
            [yes] Du har fått { $items } uppföljningar och andra uppgifter
           *[no] Du har fått { $items } uppföljningar
        }
    }
