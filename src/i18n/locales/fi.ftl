# Verkosto – suomi (oletuskieli)

## Sivupohja
layout-skip-to-content = Siirry sisältöön
layout-footer = Verkosto – työnantajaverkosto on organisaation, ei yhden valmentajan.
nav-label = Päävalikko
nav-home = Etusivu
nav-admin = Ylläpito
nav-profile = Omat asetukset
nav-sign-out = Kirjaudu ulos

## Roolit
role-coach = Työhönvalmentaja
role-team-lead = Tiiminvetäjä
role-admin = Ylläpitäjä

## Kirjautuminen
login-title = Kirjaudu sisään
login-intro = Työnantajaverkosto ja yhteydenotot koko tiimin käytössä.
login-email = Sähköposti
login-password = Salasana
login-submit = Kirjaudu
login-language = Kieli
login-error-wrong = Sähköposti tai salasana on väärin.
login-error-throttled = Liian monta epäonnistunutta yritystä. Odota 15 minuuttia ja yritä uudelleen.
flash-signed-out = Olet kirjautunut ulos.

## Etusivu
home-welcome = Tervetuloa, { $name }!
home-role = { $role }, tiimi { $team }.
home-intro = Täältä löydät organisaation työnantajat, yhteydenotot ja sovitut jatkotoimet.

## Omat asetukset
profile-title = Omat asetukset
profile-language = Kieli
profile-language-legend = Käyttöliittymän kieli
profile-language-save = Tallenna kieli
profile-error-language = Valitse kieli listasta.
profile-password = Salasana
profile-password-current = Nykyinen salasana
profile-password-new = Uusi salasana
profile-password-confirm = Uusi salasana uudelleen
profile-password-save = Vaihda salasana
password-hint = Vähintään { $min } merkkiä.
password-error-short = Salasanan on oltava riittävän pitkä (vähintään 10 merkkiä).
password-error-mismatch = Salasanat eivät täsmää.
password-error-current = Nykyinen salasana on väärin.
flash-language-saved = Kieli tallennettu.
flash-password-changed = Salasana vaihdettu.

## Lomakkeet
form-error-summary = Tarkista lomakkeen tiedot

## Ylläpito
admin-title = Käyttäjät ja tiimit
admin-users = Käyttäjät
admin-col-name = Nimi
admin-col-email = Sähköposti
admin-col-role-team = Rooli ja tiimi
admin-col-status = Tila
admin-role = Rooli
admin-team = Tiimi
admin-role-of = Käyttäjän { $name } rooli
admin-team-of = Käyttäjän { $name } tiimi
admin-save = Tallenna
admin-status-active = Aktiivinen
admin-status-inactive = Poistettu käytöstä
admin-deactivate = Poista { $name } käytöstä
admin-activate = Palauta { $name } käyttöön
admin-add-user = Lisää käyttäjä
admin-initial-password = Alkusalasana
admin-teams = Tiimit
admin-team-members = { $count ->
    [one] { $count } jäsen
   *[other] { $count } jäsentä
}
admin-new-team = Uuden tiimin nimi
admin-add-team = Lisää tiimi
user-error-email = Anna kelvollinen sähköpostiosoite.
user-error-email-taken = Tällä sähköpostilla on jo käyttäjä.
user-error-name = Anna nimi (enintään 120 merkkiä).
user-error-role = Valitse rooli.
user-error-team = Valitse tiimi.
team-error-name = Anna tiimin nimi (enintään 80 merkkiä).
flash-user-added = Käyttäjä lisätty.
flash-user-updated = Käyttäjän rooli ja tiimi tallennettu.
flash-user-deactivated = Käyttäjä poistettu käytöstä. Hänen tietonsa säilyvät.
flash-user-activated = Käyttäjä palautettu käyttöön.
flash-team-added = Tiimi lisätty.
flash-cannot-demote-self = Et voi poistaa omaa ylläpitäjän rooliasi.
flash-cannot-deactivate-self = Et voi poistaa itseäsi käytöstä.

## Virhesivut
error-back-home = Etusivulle
error-400-title = Pyyntö ei kelpaa
error-400-text = Palvelin ei ymmärtänyt pyyntöä. Tarkista tiedot ja yritä uudelleen.
error-401-title = Kirjaudu sisään
error-401-text = Tämä sivu vaatii kirjautumisen.
error-403-title = Ei käyttöoikeutta
error-403-text = Sinulla ei ole oikeutta tähän sivuun tai toimintoon.
error-404-title = Sivua ei löydy
error-404-text = Hakemaasi sivua ei ole tai se on siirretty.
error-413-title = Liian suuri lähetys
error-413-text = Lähetetyt tiedot ovat liian suuret.
error-500-title = Jokin meni vikaan
error-500-text = Palvelussa tapahtui virhe. Mitään ei tallennettu puoliksi; yritä hetken päästä uudelleen.
error-csrf-title = Lomake on vanhentunut
error-csrf-text = Lomakkeen turvatunniste puuttui tai oli vanha. Lataa sivu uudelleen ja lähetä lomake uudestaan.
