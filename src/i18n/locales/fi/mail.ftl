## mail: reminder email, the Outbox page, digest settings

nav-outbox = Lähtevät viestit
mail-ics-file = seuranta

outbox-title = Lähtevät viestit
outbox-delivery-smtp = Viestit lähetetään SMTP-palvelimen kautta: { $target }
outbox-delivery-folder = SMTP-palvelinta ei ole määritetty: viestit tallennetaan .eml-tiedostoina kansioon { $target }
outbox-filter-label = Näytä tilan mukaan
outbox-filter-all = Kaikki
outbox-state-queued = Jonossa
outbox-state-sending = Lähdössä
outbox-state-sent = Lähetetty
outbox-state-failed = Epäonnistui
outbox-kind-digest = Aamukooste
outbox-kind-assigned = Siirtoilmoitus
outbox-none = Ei viestejä.
outbox-col-created = Luotu
outbox-col-recipient = Vastaanottaja
outbox-col-subject = Aihe
outbox-col-state = Tila
outbox-col-details = Yritykset
outbox-limit = Näytetään { $count } uusinta viestiä.
outbox-attempts = { $count ->
    [one] 1 yritys
   *[other] { $count } yritystä
}
outbox-sent-at = lähetetty { $at }
outbox-next-attempt = seuraava yritys { $at }
outbox-failed-notice = { $count ->
    [one] 1 viesti jäi lähettämättä. Tarkista ja yritä uudelleen.
   *[other] { $count } viestiä jäi lähettämättä. Tarkista ja yritä uudelleen.
}
outbox-back = Lähtevät viestit
outbox-retry = Yritä uudelleen
outbox-unreadable = Viestiä ei voi lukea.
outbox-headers = Otsakkeet
outbox-field-from = Lähettäjä
outbox-field-to = Vastaanottaja
outbox-field-date = Päiväys
outbox-field-language = Kieli
outbox-field-message-id = Message-ID
outbox-field-key = Tunniste
outbox-text = Tekstiversio
outbox-html = HTML-versio
outbox-html-open = Avaa HTML-versio (uudessa välilehdessä)
outbox-html-source = Näytä HTML-lähdeteksti
outbox-attachments = Liitteet
outbox-attachments-none = Ei liitteitä.
outbox-source = Koko viesti sellaisena kuin se lähetetään
flash-outbox-retried = Viesti palautettiin jonoon, ja se lähetetään hetken kuluttua.
flash-outbox-not-failed = Vain epäonnistuneen viestin voi yrittää uudelleen.

admin-mail-title = Sähköpostimuistutukset
admin-mail-outbox-link = Lähtevät viestit
admin-mail-counts = { $queued } jonossa, { $sent } lähetetty
admin-digest-time = Aamukoosteen kellonaika
admin-digest-time-hint = Suomen aikaa. Kooste lähtee vain päivinä, joina valmentajalla on myöhässä olevia tai sinä päivänä erääntyviä seurantoja.
admin-digest-time-save = Tallenna kellonaika
digest-time-error = Anna kellonaika muodossa 7.30.
flash-digest-time-saved = Aamukoosteen kellonaika tallennettu.

profile-digest = Sähköpostimuistutukset
profile-digest-hint = Aamukooste lähtee klo { $time } päivinä, joina sinulla on myöhässä olevia tai tänään erääntyviä seurantoja.
profile-digest-legend = Aamukooste
digest-preference-all = Myöhässä olevat ja tänään erääntyvät
digest-preference-overdue = Vain myöhässä olevat
digest-preference-off = Ei aamukoostetta
profile-digest-save = Tallenna
profile-digest-error = Valitse yksi vaihtoehdoista.
flash-digest-saved = Muistutusasetus tallennettu.
# Subjects are built from these messages with numbers and dates only, never from what users typed.
mail-subject-digest = Seurannat { $date }: { $overdue ->
        [0] { $today } tänään
       *[other] { $overdue } myöhässä{ $today ->
            [0] {""}
           *[other] , { $today } tänään
        }
    }
mail-subject-assigned = { $items ->
        [0] Sinulle siirrettiin tehtäviä
        [1] { $more ->
            [yes] Sinulle siirrettiin seuranta ja muita tehtäviä
           *[no] Sinulle siirrettiin seuranta
        }
       *[other] { $more ->
            [yes] Sinulle siirrettiin { $items } seurantaa ja muita tehtäviä
           *[no] Sinulle siirrettiin { $items } seurantaa
        }
    }
