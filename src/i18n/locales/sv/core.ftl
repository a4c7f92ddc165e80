# Verkosto – svenska

## Sidmall
layout-skip-to-content = Hoppa till innehållet
layout-footer = Verkosto – arbetsgivarnätverket tillhör organisationen, inte en enskild coach.
nav-label = Huvudmeny
nav-home = Startsida
nav-admin = Administration
nav-profile = Mina inställningar
nav-sign-out = Logga ut

## Roller
role-coach = Jobbcoach
role-team-lead = Teamledare
role-admin = Administratör

## Inloggning
login-title = Logga in
login-intro = Arbetsgivarnätverket och kontakterna till hela teamets förfogande.
login-email = E-post
login-password = Lösenord
login-submit = Logga in
login-language = Språk
login-error-wrong = E-postadressen eller lösenordet är fel.
login-error-throttled = För många misslyckade försök från den här adressen (högst { $account } för det här kontot och { $address } för alla konton på { $minutes } minuter). Vänta { $minutes } minuter och försök igen.
flash-signed-out = Du har loggat ut.

## Startsida
home-welcome = Välkommen, { $name }!
home-role = { $role }, team { $team }.
home-quick-log = Registrera kontakt
home-employers = Arbetsgivarregistret
home-due = Överenskomna uppföljningar
home-overdue = { $count ->
    [0] Inga försenade uppföljningar.
    [one] { $count } uppföljning är försenad.
   *[other] { $count } uppföljningar är försenade.
}
home-today = { $count ->
    [0] Inga uppföljningar förfaller i dag.
    [one] { $count } uppföljning förfaller i dag.
   *[other] { $count } uppföljningar förfaller i dag.
}
home-follow-ups-link = Öppna mina uppföljningar
home-intro = Här hittar du organisationens arbetsgivare, kontakter och överenskomna uppföljningar.

## Mina inställningar
profile-title = Mina inställningar
profile-language = Språk
profile-language-legend = Användargränssnittets språk
profile-language-save = Spara språk
profile-error-language = Välj ett språk i listan.
profile-password = Lösenord
profile-password-current = Nuvarande lösenord
profile-password-new = Nytt lösenord
profile-password-confirm = Nytt lösenord igen
profile-password-save = Byt lösenord
password-hint = Minst { $min } tecken.
password-error-short = Lösenordet måste vara tillräckligt långt (minst 10 tecken).
password-error-mismatch = Lösenorden stämmer inte överens.
password-error-current = Det nuvarande lösenordet är fel.
flash-language-saved = Språket har sparats.
flash-password-changed = Lösenordet har bytts. Dina andra sessioner har loggats ut.

## Formulär
form-error-summary = Kontrollera uppgifterna i formuläret

## Administration
admin-title = Användare och team
admin-last-backup = Senaste säkerhetskopia: { $at }.
admin-no-backup = Ingen säkerhetskopia har tagits (kommandot verkosto backup FIL, se README).
admin-users = Användare
admin-col-name = Namn
admin-col-email = E-post
admin-col-role-team = Roll och team
admin-col-status = Status
admin-role = Roll
admin-team = Team
admin-role-of = Roll för { $name }
admin-team-of = Team för { $name }
admin-save = Spara
admin-status-active = Aktiv
admin-status-inactive = Inaktiverad
admin-deactivate = Inaktivera { $name }
admin-activate = Aktivera { $name }
admin-add-user = Lägg till användare
admin-initial-password = Första lösenord
admin-teams = Team
admin-team-members = { $count ->
    [one] { $count } medlem
   *[other] { $count } medlemmar
}
admin-new-team = Namn på nytt team
admin-add-team = Lägg till team
user-error-email = Ange en giltig e-postadress.
user-error-email-taken = Det finns redan en användare med den här e-postadressen.
user-error-name = Ange ett namn (högst { $max } tecken).
user-error-role = Välj en roll.
user-error-team = Välj ett team.
team-error-name = Ange teamets namn på en rad (högst { $max } tecken).
flash-user-added = Användaren har lagts till.
flash-user-updated = Användarens roll och team har sparats. Användarens sessioner har avslutats.
flash-user-deactivated = Användaren har inaktiverats. Hens uppgifter finns kvar.
flash-user-activated = Användaren har aktiverats igen.
flash-team-added = Teamet har lagts till.
flash-cannot-demote-self = Du kan inte ta bort din egen administratörsroll.
flash-cannot-deactivate-self = Du kan inte inaktivera dig själv.

## Felsidor
error-back-home = Till startsidan
error-400-title = Ogiltig begäran
error-400-text = Servern förstod inte begäran. Kontrollera uppgifterna och försök igen.
error-401-title = Logga in
error-401-text = Den här sidan kräver inloggning.
error-403-title = Ingen behörighet
error-403-text = Du har inte behörighet till den här sidan eller funktionen.
error-404-title = Sidan hittades inte
error-404-text = Sidan finns inte eller har flyttats.
error-413-title = För stor sändning
error-413-text = De skickade uppgifterna är för stora: högst 256 kB åt gången.
error-500-title = Något gick fel
error-500-text = Ett fel uppstod i tjänsten. Inget sparades till hälften; försök igen om en stund.
error-503-title = Ingenting sparades
error-503-text = Databasen tar inte emot ändringar just nu (till exempel är disken full). Ingenting sparades. Försök igen om en stund; tjänsten återhämtar sig själv när orsaken är åtgärdad.
error-typed-title = Texten du skrev
error-typed-text = Formuläret sparades inte. Här är det du skrev, så att du kan kopiera det.
error-request-id = Felkod: { $id }. Uppge den till administratören om felet upprepas.
error-csrf-title = Formuläret har gått ut
error-csrf-text = Formulärets säkerhetskod saknades eller var gammal. Ladda om sidan och skicka formuläret på nytt.

## Allmänt
cancel = Avbryt
filter-any = Alla
filter-unknown = Okänt
nav-employers = Arbetsgivare
nav-quick-log = Snabbregistrering
nav-follow-ups = Uppföljningar
pagination-label = Sidnumrering
pagination-previous = Föregående
pagination-next = Nästa
pagination-page = Sida { $page } av { $pages }

## Relationens skeden, sektorer, storlekar
stage-prospect = Möjlig
stage-contacted = Kontaktad
stage-partner = Samarbetspartner
stage-has_hired = Har anställt
stage-dormant = Vilande
stage-do_not_contact = Ingen kontakt
sector-private = Privat
sector-public = Offentlig
sector-third = Tredje sektorn
size-micro = Under 10 personer
size-small = 10–49 personer
size-medium = 50–249 personer
size-large = 250 eller fler

## Kontakter
channel-cold_visit = Kallt besök
channel-cold_call = Kallt samtal
channel-planned_visit = Avtalat besök
channel-meeting = Möte
channel-workplace_visit = Arbetsplatsbesök
channel-event = Evenemang
channel-phone = Samtal
channel-email = E-post
channel-video = Videosamtal
purpose-introduce_service = Presentation av tjänsten
purpose-learn_needs = Kartläggning av behov
purpose-present_candidate = Presentation av kandidat
purpose-arrange_interview = Avtala intervju
purpose-follow_up = Uppföljning
purpose-in_work_support = Stöd i arbetet
purpose-accommodation = Anpassning av arbetet
outcome-no_answer = Inget svar
outcome-not_now = Inte nu
outcome-needs_learned = Behoven kartlagda
outcome-meeting_booked = Möte avtalat
outcome-opening_found = Ledigt jobb hittat
outcome-interview_agreed = Intervju avtalad
outcome-hired = Anställd
outcome-declined = Avböjde
due-tomorrow = I morgon
due-week = Om en vecka
due-two_weeks = Om 2 veckor
due-month = Om en månad
due-date = Välj dag
contact-channel = Kanal
contact-outcome = Resultat
contact-notes = Anteckningar
contact-notes-hint = Skriv inte in arbetssökandes hälsouppgifter, diagnoser eller personbeteckningar.
contact-next-step = Nästa steg
contact-next-step-hint = T.ex. "Skicka två kandidaters profiler". Lämna tomt om ingen uppföljning behövs.
contact-due = När
contact-due-date = Datum (om du valde dag)
contact-more = Mer: kontaktperson, syfte, tid
contact-person = Kontaktperson
contact-person-none = Inte vald
contact-purpose = Syfte
contact-purpose-none = Inte valt
contact-client-specific = Klientspecifik kontakt (för en viss arbetssökande)
contact-client-specific-short = klientspecifik
contact-occurred-at = Tid
contact-occurred-at-hint = Som standard nu. Du kan också registrera i efterhand.
contact-save = Spara kontakten
contact-error-channel = Välj kanal.
contact-error-outcome = Välj resultat.
contact-error-datetime = Ange tiden som dd.mm.åååå hh.mm, mellan åren { $min } och { $max }.
contact-error-future = Tiden kan inte vara i framtiden.
contact-error-due = Välj dag för nästa steg.
contact-error-due-past = Nästa steg kan inte ha ett datum i det förflutna.
flash-already-saved = Det här var redan sparat; det sparades inte en gång till.
flash-contact-logged = Kontakten har sparats.

## Arbetsgivarregistret
employers-title = Arbetsgivare
employers-new = Ny arbetsgivare
employers-search = Sök
employers-search-placeholder = Namn eller FO-nummer
employers-filters = Avgränsa sökningen
employers-apply = Visa
employers-sort = Ordning
employers-count = { $count ->
    [one] { $count } arbetsgivare
   *[other] { $count } arbetsgivare
}
employers-none = Inga arbetsgivare matchar sökningen.
employers-last-contact = Senaste kontakt
employers-never = inga kontakter
employers-next-follow-up = Nästa uppföljning
sort-name = Namn
sort-last-contact = Senaste kontakt
sort-stage = Skede
filter-no-contact-90 = Ingen kontakt på 90 dagar
filter-open-follow-ups = Öppna uppföljningar
filter-archived = Visa arkiverade

## Arbetsgivarens uppgifter
employer-name = Namn
employer-other-names = Andra namn
employer-business-id = FO-nummer
employer-business-id-hint = I formen 1234567-8. Föreningar och offentliga enheter har det inte alltid.
employer-industry = Bransch (TOL 2008)
employer-industry-code = Bransch (TOL 2008)
employer-municipality = Kommun
employer-municipality-code = Kommun
employer-county = Välfärdsområde
employer-choose = Välj
employer-address = Adress
employer-website = Webbplats
employer-size = Storlek
employer-size-class = Storlek
employer-sector = Sektor
employer-stage = Relationens skede
employer-dnc-reason = Varför ingen kontakt
employer-do-not-contact-reason = Varför ingen kontakt
employer-dnc-reason-hint = Obligatoriskt om skedet är "Ingen kontakt".
employer-tags = Taggar
employer-tags-hint = Åtskilda med kommatecken, t.ex. logistik, skiftarbete
employer-notes = Anteckningar
employer-accommodations = Arbetsplatsens möjligheter till anpassning
employer-accommodations-hint = T.ex. lugnt utrymme, flexibel starttid, deltid.
employer-lead = Ansvarsperson för relationen
employer-lead-user-id = Ansvarsperson för relationen
employer-no-lead = Ingen ansvarsperson
employer-save = Spara
employer-save-anyway = Spara ändå som ny
employer-edit = Redigera
employer-edit-title = Redigera arbetsgivare
employer-history = Ändringshistorik
employer-archive = Arkivera
employer-restore = Återställ från arkivet
employer-archived-notice = Arbetsgivaren är arkiverad. Uppgifterna finns kvar men syns inte i registret.
employer-facts = Grunduppgifter
employer-log-contact = Registrera kontakt
employer-timeline = Kontakter
employer-timeline-shown = De { $shown } senaste av { $total } kontakter visas.
employer-timeline-all = Visa alla
employer-timeline-empty = Inga kontakter ännu.
employer-duplicate-business-id = Det finns redan en arbetsgivare med detta FO-nummer:
employer-warning-similar = Det finns redan en arbetsgivare med ett liknande namn i samma kommun. Är det samma?
employer-warning-similar-go-on = Om det är en annan arbetsgivare, spara igen.
employer-error-name = Ange ett namn (högst { $max } tecken).
employer-error-business-id-format = FO-numret har formen 1234567-8 (sju siffror, bindestreck, kontrollsiffra).
employer-error-business-id-check = FO-numrets kontrollsiffra stämmer inte. Kontrollera numret.
employer-error-business-id-taken = Det finns redan en arbetsgivare med detta FO-nummer.
employer-error-municipality = Välj en kommun i listan.
employer-error-choice = Välj ett alternativ i listan.
employer-error-dnc-reason = Berätta varför arbetsgivaren inte ska kontaktas.
employer-error-website = Ange webbplatsens adress utan mellanslag, t.ex. www.exempel.fi (högst { $max } tecken).
employer-error-too-long = Texten är för lång.
flash-employer-created = Arbetsgivaren har lagts till.
flash-employer-saved = Ändringarna har sparats.
flash-employer-archived = Arbetsgivaren har arkiverats.
flash-employer-restored = Arbetsgivaren har återställts till registret.

## Samtidig redigering
conflict-title = Någon annan sparade samtidigt
conflict-intro = En annan användare sparade ändringar i denna arbetsgivare efter att du började redigera. Inget har skrivits över ännu: välj nedan vilket värde som gäller.
conflict-count = { $count ->
    [0] Ändringarna gäller inte samma fält; de slås ihop.
    [one] Ett fält ändrades olika av er båda.
   *[other] { $count } fält ändrades olika av er båda.
}
conflict-table = Båda versionerna
conflict-field = Fält
conflict-theirs = Sparad version
conflict-mine = Dina ändringar
conflict-kept = behålls
conflict-unchanged = ingen ändring
conflict-save = Spara den sammanslagna versionen
conflict-discard = Förkasta mina ändringar

## Ändringshistorik
history-title = Ändringshistorik: { $name }
history-caption = Alla ändringar, nyaste först
history-empty = Inga ändringar.
history-when = När
history-who = Vem
history-what = Vad
history-old = Gammalt värde
history-new = Nytt värde
history-entity-employer = Arbetsgivare
history-entity-contact-person = Kontaktperson
history-entity-contact = Kontakt
history-entity-follow-up = Uppföljning
history-action-create = tillagd
history-action-update = ändrad
history-action-archive = arkiverad
history-action-restore = återställd
history-action-left = har lämnat företaget
history-action-returned = har återvänt
history-action-done = klar
history-action-snooze = flyttad
history-action-reassign = överförd

## Kontaktpersoner
persons-title = Kontaktpersoner
persons-none = Inga kontaktpersoner.
person-add = Lägg till kontaktperson
person-edit-title = Redigera kontaktperson
person-edit = Redigera: { $name }
person-name = Namn
person-role = Uppgift
person-phone = Telefon
person-email = E-post
person-preferred-channel = Önskat kontaktsätt
person-prefers = önskar:
person-notes = Anteckningar
person-save = Spara kontaktpersonen
person-has-left = Har lämnat företaget
person-mark-left = { $name } har lämnat företaget
person-mark-back = { $name } är tillbaka i företaget
person-error-name = Ange kontaktpersonens namn (högst { $max } tecken).
person-error-phone = Ange telefonnumret med siffror, t.ex. 040 123 4567 (minst 5 siffror, högst { $max } tecken).
flash-person-saved = Kontaktpersonen har sparats.

## Snabbregistrering
quick-log-title = Snabbregistrering
quick-log-find = Arbetsgivare
quick-log-find-hint = Skriv början av namnet eller FO-numret (minst två tecken).
quick-log-no-match = Inga träffar. Du kan lägga till arbetsgivaren nedan.
quick-log-new = Ny arbetsgivare
quick-log-create = Lägg till och registrera
quick-log-before = Tidigare händelser
quick-log-open-employer = Öppna arbetsgivarens sida
quick-log-other = En annan arbetsgivare

## Uppföljningar
follow-ups-title = Mina uppföljningar
follow-ups-team-title = Teamets uppföljningar
follow-ups-mine = Mina
follow-ups-team = Teamet
follow-ups-whose = Vems uppföljningar
follow-ups-none = Inga öppna uppföljningar.
bucket-overdue = Försenade
bucket-today = I dag
bucket-this_week = Denna vecka
bucket-later = Senare
follow-up-status-open = Öppen
follow-up-status-snoozed = Flyttad
follow-up-status-done = Klar
follow-up-due = förfaller
follow-up-mark-done = Markera som klar
follow-up-result-note = Resultat (syns i kontakthistoriken)
follow-up-done = Klar
follow-up-reassign-to = Överför till
follow-up-reassign = Överför
snooze-tomorrow = Till i morgon
snooze-next_week = Till nästa vecka
snooze-date = Flytta till dag
timeline-follow-up = Nästa steg
timeline-follow-up-done = Klart
flash-follow-up-done = Uppföljningen har markerats som klar.
flash-follow-up-snoozed = Uppföljningen har flyttats.
flash-follow-up-reassigned = Uppföljningen har överförts.
flash-snooze-date = Välj en kommande dag, senast 31.12.2100.
flash-reassign-choose = Välj en aktiv användare.
admin-end-sessions = Logga ut överallt
flash-sessions-ended = Alla användarens sessioner har avslutats.
flash-own-sessions-ended = Dina andra sessioner har avslutats; den här fortsätter.
team-error-name-taken = Ett team med samma namn finns redan (stora och små bokstäver skiljer inte namn åt).
flash-note-refused = Anteckningen sparades inte: högst 2000 tecken, inga styrtecken.
