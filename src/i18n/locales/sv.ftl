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
login-error-throttled = För många misslyckade försök. Vänta 15 minuter och försök igen.
flash-signed-out = Du har loggat ut.

## Startsida
home-welcome = Välkommen, { $name }!
home-role = { $role }, team { $team }.
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
flash-password-changed = Lösenordet har bytts.

## Formulär
form-error-summary = Kontrollera uppgifterna i formuläret

## Administration
admin-title = Användare och team
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
user-error-name = Ange ett namn (högst 120 tecken).
user-error-role = Välj en roll.
user-error-team = Välj ett team.
team-error-name = Ange teamets namn (högst 80 tecken).
flash-user-added = Användaren har lagts till.
flash-user-updated = Användarens roll och team har sparats.
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
error-413-text = De skickade uppgifterna är för stora.
error-500-title = Något gick fel
error-500-text = Ett fel uppstod i tjänsten. Inget sparades till hälften; försök igen om en stund.
error-csrf-title = Formuläret har gått ut
error-csrf-text = Formulärets säkerhetskod saknades eller var gammal. Ladda om sidan och skicka formuläret på nytt.
