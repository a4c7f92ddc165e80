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
login-error-throttled = Liian monta epäonnistunutta yritystä tästä osoitteesta (enintään { $account } tälle tunnukselle ja { $address } kaikille tunnuksille { $minutes } minuutissa). Odota { $minutes } minuuttia ja yritä uudelleen.
flash-signed-out = Olet kirjautunut ulos.

## Etusivu
home-welcome = Tervetuloa, { $name }!
home-role = { $role }, tiimi { $team }.
home-quick-log = Kirjaa yhteydenotto
home-employers = Työnantajarekisteri
home-due = Sovitut jatkotoimet
home-overdue = { $count ->
    [0] Ei myöhässä olevia seurantoja.
    [one] { $count } seuranta on myöhässä.
   *[other] { $count } seurantaa on myöhässä.
}
home-today = { $count ->
    [0] Tänään ei erääntyviä seurantoja.
    [one] { $count } seuranta erääntyy tänään.
   *[other] { $count } seurantaa erääntyy tänään.
}
home-follow-ups-link = Avaa omat seurannat
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
flash-password-changed = Salasana vaihdettu. Muut istuntosi on kirjattu ulos.

## Lomakkeet
form-error-summary = Tarkista lomakkeen tiedot

## Ylläpito
admin-title = Käyttäjät ja tiimit
admin-last-backup = Viimeisin varmuuskopio: { $at }.
admin-no-backup = Varmuuskopiota ei ole otettu (komento verkosto backup TIEDOSTO, ks. README).
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
user-error-name = Anna nimi (enintään { $max } merkkiä).
user-error-role = Valitse rooli.
user-error-team = Valitse tiimi.
team-error-name = Anna tiimin nimi yhdellä rivillä (enintään { $max } merkkiä).
flash-user-added = Käyttäjä lisätty.
flash-user-updated = Käyttäjän rooli ja tiimi tallennettu. Käyttäjän istunnot päättyivät.
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
error-413-text = Lähetetyt tiedot ovat liian suuret: enintään 256 kt kerralla.
error-500-title = Jokin meni vikaan
error-500-text = Palvelussa tapahtui virhe. Mitään ei tallennettu puoliksi; yritä hetken päästä uudelleen.
error-503-title = Mitään ei tallennettu
error-503-text = Tietokanta ei juuri nyt ota vastaan muutoksia (esimerkiksi levy on täynnä). Mitään ei tallennettu. Yritä uudelleen hetken kuluttua; palvelu toipuu itsestään, kun syy on korjattu.
error-typed-title = Kirjoittamasi teksti
error-typed-text = Lomaketta ei tallennettu. Tässä on se, mitä kirjoitit, jotta voit kopioida sen talteen.
error-request-id = Virhekoodi: { $id }. Kerro se ylläpidolle, jos virhe toistuu.
error-csrf-title = Lomake on vanhentunut
error-csrf-text = Lomakkeen turvatunniste puuttui tai oli vanha. Lataa sivu uudelleen ja lähetä lomake uudestaan.

## Yleiset
cancel = Peruuta
filter-any = Kaikki
filter-unknown = Ei tiedossa
nav-employers = Työnantajat
nav-quick-log = Pikakirjaus
nav-follow-ups = Seurannat
pagination-label = Sivutus
pagination-previous = Edellinen
pagination-next = Seuraava
pagination-page = Sivu { $page } / { $pages }

## Suhteen vaiheet, sektorit, koot
stage-prospect = Mahdollinen
stage-contacted = Yhteydessä
stage-partner = Yhteistyökumppani
stage-has_hired = On palkannut
stage-dormant = Hiljainen
stage-do_not_contact = Ei yhteydenottoja
sector-private = Yksityinen
sector-public = Julkinen
sector-third = Kolmas sektori
size-micro = Alle 10 henkilöä
size-small = 10–49 henkilöä
size-medium = 50–249 henkilöä
size-large = 250 tai enemmän

## Yhteydenotot
channel-cold_visit = Kylmäkäynti
channel-cold_call = Kylmäsoitto
channel-planned_visit = Sovittu käynti
channel-meeting = Tapaaminen
channel-workplace_visit = Työpaikkakäynti
channel-event = Tapahtuma
channel-phone = Puhelu
channel-email = Sähköposti
channel-video = Videopuhelu
purpose-introduce_service = Palvelun esittely
purpose-learn_needs = Tarpeiden kartoitus
purpose-present_candidate = Ehdokkaan esittely
purpose-arrange_interview = Haastattelun sopiminen
purpose-follow_up = Seuranta
purpose-in_work_support = Tuki työssä
purpose-accommodation = Työn mukauttaminen
outcome-no_answer = Ei vastausta
outcome-not_now = Ei nyt
outcome-needs_learned = Tarpeet selvitetty
outcome-meeting_booked = Tapaaminen sovittu
outcome-opening_found = Työpaikka löytyi
outcome-interview_agreed = Haastattelu sovittu
outcome-hired = Palkattu
outcome-declined = Kieltäytyi
due-tomorrow = Huomenna
due-week = Viikon päästä
due-two_weeks = 2 viikon päästä
due-month = Kuukauden päästä
due-date = Valitse päivä
contact-channel = Kanava
contact-outcome = Tulos
contact-notes = Muistiinpanot
contact-notes-hint = Älä kirjaa työnhakijoiden terveystietoja, diagnooseja tai henkilötunnuksia.
contact-next-step = Seuraava askel
contact-next-step-hint = Esim. "Lähetä kahden ehdokkaan profiilit". Jätä tyhjäksi, jos seurantaa ei tarvita.
contact-due = Milloin
contact-due-date = Päivämäärä (jos valitsit päivän)
contact-more = Lisätiedot: yhteyshenkilö, tarkoitus, aika
contact-person = Yhteyshenkilö
contact-person-none = Ei valittu
contact-purpose = Tarkoitus
contact-purpose-none = Ei valittu
contact-client-specific = Asiakaskohtainen yhteydenotto (tietyn työnhakijan puolesta)
contact-client-specific-short = asiakaskohtainen
contact-occurred-at = Aika
contact-occurred-at-hint = Oletuksena nyt. Voit kirjata myös jälkikäteen.
contact-save = Tallenna yhteydenotto
contact-error-channel = Valitse kanava.
contact-error-outcome = Valitse tulos.
contact-error-datetime = Anna aika muodossa pp.kk.vvvv hh.mm, vuosien { $min } ja { $max } väliltä.
contact-error-future = Aika ei voi olla tulevaisuudessa.
contact-error-due = Valitse seuraavan askeleen päivä.
contact-error-due-past = Seuraavan askeleen päivä ei voi olla menneisyydessä.
flash-already-saved = Tämä oli jo tallennettu; sitä ei tallennettu toista kertaa.
flash-contact-logged = Yhteydenotto tallennettu.

## Työnantajarekisteri
employers-title = Työnantajat
employers-new = Uusi työnantaja
employers-search = Hae
employers-search-placeholder = Nimi tai Y-tunnus
employers-filters = Rajaa hakua
employers-apply = Näytä
employers-sort = Järjestys
employers-count = { $count ->
    [one] { $count } työnantaja
   *[other] { $count } työnantajaa
}
employers-none = Hakuehdoilla ei löytynyt työnantajia.
employers-last-contact = Viimeisin yhteys
employers-never = ei yhteydenottoja
employers-next-follow-up = Seuraava seuranta
sort-name = Nimi
sort-last-contact = Viimeisin yhteys
sort-stage = Vaihe
filter-no-contact-90 = Ei yhteyttä 90 päivään
filter-open-follow-ups = Avoimia seurantoja
filter-archived = Näytä arkistoidut

## Työnantajan tiedot
employer-name = Nimi
employer-other-names = Muut nimet
employer-business-id = Y-tunnus
employer-business-id-hint = Muodossa 1234567-8. Yhdistyksillä ja julkisilla yksiköillä sitä ei aina ole.
employer-industry = Toimiala (TOL 2008)
employer-industry-code = Toimiala (TOL 2008)
employer-municipality = Kunta
employer-municipality-code = Kunta
employer-county = Hyvinvointialue
employer-choose = Valitse
employer-address = Osoite
employer-website = Verkkosivu
employer-size = Koko
employer-size-class = Koko
employer-sector = Sektori
employer-stage = Suhteen vaihe
employer-dnc-reason = Miksi ei yhteydenottoja
employer-do-not-contact-reason = Miksi ei yhteydenottoja
employer-dnc-reason-hint = Pakollinen, jos vaihe on "Ei yhteydenottoja".
employer-tags = Tunnisteet
employer-tags-hint = Pilkuilla eroteltuna, esim. logistiikka, vuorotyö
employer-notes = Muistiinpanot
employer-accommodations = Työpaikan mukautusmahdollisuudet
employer-accommodations-hint = Esim. rauhallinen tila, joustava aloitusaika, osa-aikatyö.
employer-lead = Suhteen vastuuhenkilö
employer-lead-user-id = Suhteen vastuuhenkilö
employer-no-lead = Ei vastuuhenkilöä
employer-save = Tallenna
employer-save-anyway = Tallenna silti uutena
employer-edit = Muokkaa
employer-edit-title = Muokkaa työnantajaa
employer-history = Muutoshistoria
employer-archive = Arkistoi
employer-restore = Palauta arkistosta
employer-archived-notice = Työnantaja on arkistoitu. Tiedot ovat tallessa, mutta se ei näy rekisterissä.
employer-facts = Perustiedot
employer-log-contact = Kirjaa yhteydenotto
employer-timeline = Yhteydenotot
employer-timeline-shown = Näytetään { $shown } uusinta { $total } yhteydenotosta.
employer-timeline-all = Näytä kaikki
employer-timeline-empty = Ei vielä yhteydenottoja.
employer-duplicate-business-id = Tällä Y-tunnuksella on jo työnantaja:
employer-warning-similar = Samassa kunnassa on jo samankaltaisen niminen työnantaja. Onko se sama?
employer-warning-similar-go-on = Jos kyseessä on eri työnantaja, tallenna uudelleen.
employer-error-name = Anna nimi (enintään { $max } merkkiä).
employer-error-business-id-format = Y-tunnus on muodossa 1234567-8 (seitsemän numeroa, väliviiva, tarkistenumero).
employer-error-business-id-check = Y-tunnuksen tarkistenumero ei täsmää. Tarkista tunnus.
employer-error-business-id-taken = Tällä Y-tunnuksella on jo työnantaja.
employer-error-municipality = Valitse kunta listasta.
employer-error-choice = Valitse vaihtoehto listasta.
employer-error-dnc-reason = Kerro, miksi työnantajaan ei oteta yhteyttä.
employer-error-website = Anna verkkosivun osoite ilman välilyöntejä, esim. www.esimerkki.fi (enintään { $max } merkkiä).
employer-error-too-long = Teksti on liian pitkä.
flash-employer-created = Työnantaja lisätty.
flash-employer-saved = Muutokset tallennettu.
flash-employer-archived = Työnantaja arkistoitu.
flash-employer-restored = Työnantaja palautettu rekisteriin.

## Samanaikainen muokkaus
conflict-title = Joku muu tallensi samaan aikaan
conflict-intro = Toinen käyttäjä tallensi tähän työnantajaan muutoksia sen jälkeen, kun aloitit muokkauksen. Mitään ei ole vielä korvattu: valitse alla, kumpi arvo jää voimaan.
conflict-count = { $count ->
    [0] Muutokset eivät osu samoihin kenttiin; ne yhdistetään.
    [one] Yksi kenttä muuttui molemmilla eri tavoin.
   *[other] { $count } kenttää muuttui molemmilla eri tavoin.
}
conflict-table = Molemmat versiot
conflict-field = Kenttä
conflict-theirs = Tallennettu versio
conflict-mine = Sinun muutoksesi
conflict-kept = säilyy
conflict-unchanged = ei muutosta
conflict-save = Tallenna yhdistetty versio
conflict-discard = Hylkää omat muutokseni

## Muutoshistoria
history-title = Muutoshistoria: { $name }
history-caption = Kaikki muutokset, uusin ensin
history-empty = Ei muutoksia.
history-when = Milloin
history-who = Kuka
history-what = Mitä
history-old = Vanha arvo
history-new = Uusi arvo
history-entity-employer = Työnantaja
history-entity-contact-person = Yhteyshenkilö
history-entity-contact = Yhteydenotto
history-entity-follow-up = Seuranta
history-action-create = lisätty
history-action-update = muutettu
history-action-archive = arkistoitu
history-action-restore = palautettu
history-action-left = lähtenyt yrityksestä
history-action-returned = palannut
history-action-done = tehty
history-action-snooze = siirretty
history-action-reassign = siirretty toiselle

## Yhteyshenkilöt
persons-title = Yhteyshenkilöt
persons-none = Ei yhteyshenkilöitä.
person-add = Lisää yhteyshenkilö
person-edit-title = Muokkaa yhteyshenkilöä
person-edit = Muokkaa: { $name }
person-name = Nimi
person-role = Tehtävä
person-phone = Puhelin
person-email = Sähköposti
person-preferred-channel = Toivottu yhteydenottotapa
person-prefers = toivoo:
person-notes = Muistiinpanot
person-save = Tallenna yhteyshenkilö
person-has-left = Lähtenyt yrityksestä
person-mark-left = { $name } on lähtenyt yrityksestä
person-mark-back = { $name } on taas yrityksessä
person-error-name = Anna yhteyshenkilön nimi (enintään { $max } merkkiä).
person-error-phone = Anna puhelinnumero numeroina, esim. 040 123 4567 (vähintään 5 numeroa, enintään { $max } merkkiä).
flash-person-saved = Yhteyshenkilö tallennettu.

## Pikakirjaus
quick-log-title = Pikakirjaus
quick-log-find = Työnantaja
quick-log-find-hint = Kirjoita nimen alku tai Y-tunnus (vähintään kaksi merkkiä).
quick-log-no-match = Ei osumia. Voit lisätä työnantajan alla.
quick-log-new = Uusi työnantaja
quick-log-create = Lisää ja kirjaa
quick-log-before = Aiemmin tapahtunut
quick-log-open-employer = Avaa työnantajan sivu
quick-log-other = Toinen työnantaja

## Seurannat
follow-ups-title = Omat seurannat
follow-ups-team-title = Tiimin seurannat
follow-ups-mine = Omat
follow-ups-team = Tiimi
follow-ups-whose = Kenen seurannat
follow-ups-none = Ei avoimia seurantoja.
bucket-overdue = Myöhässä
bucket-today = Tänään
bucket-this_week = Tällä viikolla
bucket-later = Myöhemmin
follow-up-status-open = Avoin
follow-up-status-snoozed = Siirretty
follow-up-status-done = Tehty
follow-up-due = erääntyy
follow-up-mark-done = Merkitse tehdyksi
follow-up-result-note = Tulos (näkyy yhteydenottohistoriassa)
follow-up-done = Tehty
follow-up-reassign-to = Siirrä henkilölle
follow-up-reassign = Siirrä
snooze-tomorrow = Huomiseen
snooze-next_week = Ensi viikkoon
snooze-date = Siirrä päivään
timeline-follow-up = Seuraava askel
timeline-follow-up-done = Tehty
flash-follow-up-done = Seuranta merkitty tehdyksi.
flash-follow-up-snoozed = Seuranta siirretty.
flash-follow-up-reassigned = Seuranta siirretty toiselle.
flash-snooze-date = Valitse tuleva päivä, viimeistään 31.12.2100.
flash-reassign-choose = Valitse aktiivinen käyttäjä.
admin-end-sessions = Kirjaa ulos kaikkialta
flash-sessions-ended = Käyttäjän kaikki istunnot päättyivät.
flash-own-sessions-ended = Muut istuntosi päättyivät; tämä jatkuu.
team-error-name-taken = Samanniminen tiimi on jo olemassa (isot ja pienet kirjaimet eivät erota nimiä).
flash-note-refused = Muistiinpanoa ei tallennettu: enintään 2000 merkkiä, ei ohjausmerkkejä.
