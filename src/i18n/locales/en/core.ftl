# Verkosto – English

## Page frame
layout-skip-to-content = Skip to content
layout-footer = Verkosto – the employer network belongs to the organisation, not to one coach.
nav-label = Main menu
nav-home = Home
nav-admin = Administration
nav-profile = My settings
nav-sign-out = Sign out

## Roles
role-coach = Job coach
role-team-lead = Team lead
role-admin = Administrator

## Sign-in
login-title = Sign in
login-intro = The employer network and its contacts, shared by the whole team.
login-email = Email
login-password = Password
login-submit = Sign in
login-language = Language
login-error-wrong = The email or password is wrong.
login-error-throttled = Too many failed attempts from this address (at most { $account } for this account and { $address } for all accounts in { $minutes } minutes). Wait { $minutes } minutes and try again.
flash-signed-out = You have signed out.

## Home
home-welcome = Welcome, { $name }!
home-role = { $role }, team { $team }.
home-quick-log = Log a contact
home-employers = Employer register
home-due = Agreed next steps
home-overdue = { $count ->
    [0] No overdue follow-ups.
    [one] { $count } follow-up is overdue.
   *[other] { $count } follow-ups are overdue.
}
home-today = { $count ->
    [0] No follow-ups due today.
    [one] { $count } follow-up is due today.
   *[other] { $count } follow-ups are due today.
}
home-follow-ups-link = Open my follow-ups
home-intro = Here you find the organisation's employers, contacts and agreed follow-ups.

## My settings
profile-title = My settings
profile-language = Language
profile-language-legend = Language of the user interface
profile-language-save = Save language
profile-error-language = Choose a language from the list.
profile-password = Password
profile-password-current = Current password
profile-password-new = New password
profile-password-confirm = New password again
profile-password-save = Change password
password-hint = At least { $min } characters.
password-error-short = The password must be long enough (at least 10 characters).
password-error-mismatch = The passwords do not match.
password-error-current = The current password is wrong.
flash-language-saved = Language saved.
flash-password-changed = Password changed. Your other sessions have been signed out.

## Forms
form-error-summary = Please check the form

## Administration
admin-title = Users and teams
admin-last-backup = Last backup: { $at }.
admin-no-backup = No backup has been taken (the command verkosto backup FILE, see README).
admin-users = Users
admin-col-name = Name
admin-col-email = Email
admin-col-role-team = Role and team
admin-col-status = Status
admin-role = Role
admin-team = Team
admin-role-of = Role of { $name }
admin-team-of = Team of { $name }
admin-save = Save
admin-status-active = Active
admin-status-inactive = Deactivated
admin-deactivate = Deactivate { $name }
admin-activate = Reactivate { $name }
admin-add-user = Add user
admin-initial-password = Initial password
admin-teams = Teams
admin-team-members = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
admin-new-team = New team's name
admin-add-team = Add team
user-error-email = Enter a valid email address.
user-error-email-taken = A user with this email exists already.
user-error-name = Enter a name (at most { $max } characters).
user-error-role = Choose a role.
user-error-team = Choose a team.
team-error-name = Enter the team's name on one line (at most { $max } characters).
flash-user-added = User added.
flash-user-updated = The user's role and team are saved. The user's sessions have ended.
flash-user-deactivated = User deactivated. Their records stay.
flash-user-activated = User reactivated.
flash-team-added = Team added.
flash-cannot-demote-self = You cannot remove your own administrator role.
flash-cannot-deactivate-self = You cannot deactivate yourself.

## Error pages
error-back-home = To the home page
error-400-title = Bad request
error-400-text = The server did not understand the request. Check the details and try again.
error-401-title = Sign in
error-401-text = This page needs you to sign in.
error-403-title = Access denied
error-403-text = You may not use this page or action.
error-404-title = Page not found
error-404-text = The page does not exist or has moved.
error-413-title = Too large
error-413-text = What was sent is too large: at most 256 kB at a time.
error-500-title = Something went wrong
error-500-text = An error happened in the service. Nothing was half-saved; please try again in a moment.
error-503-title = Nothing was saved
error-503-text = The database cannot take changes just now (for example, the disk is full). Nothing was saved. Try again in a moment; the service recovers by itself once the cause is fixed.
error-typed-title = What you typed
error-typed-text = The form was not saved. Here is what you typed, so that you can copy it.
error-request-id = Error code: { $id }. Quote it to the administrators if the error repeats.
error-csrf-title = The form has expired
error-csrf-text = The form's security token was missing or old. Reload the page and send the form again.

## General
cancel = Cancel
filter-any = All
filter-unknown = Unknown
nav-employers = Employers
nav-quick-log = Quick log
nav-follow-ups = Follow-ups
pagination-label = Pagination
pagination-previous = Previous
pagination-next = Next
pagination-page = Page { $page } of { $pages }

## Relationship stages, sectors, sizes
stage-prospect = Prospect
stage-contacted = Contacted
stage-partner = Partner
stage-has_hired = Has hired
stage-dormant = Dormant
stage-do_not_contact = Do not contact
sector-private = Private
sector-public = Public
sector-third = Third sector
size-micro = Fewer than 10 people
size-small = 10–49 people
size-medium = 50–249 people
size-large = 250 or more

## Contacts
channel-cold_visit = Cold visit
channel-cold_call = Cold call
channel-planned_visit = Planned visit
channel-meeting = Meeting
channel-workplace_visit = Workplace visit
channel-event = Event
channel-phone = Phone call
channel-email = Email
channel-video = Video call
purpose-introduce_service = Introduce the service
purpose-learn_needs = Learn the employer's needs
purpose-present_candidate = Present a candidate
purpose-arrange_interview = Arrange an interview
purpose-follow_up = Follow up
purpose-in_work_support = In-work support
purpose-accommodation = Workplace accommodation
outcome-no_answer = No answer
outcome-not_now = Not now
outcome-needs_learned = Needs learned
outcome-meeting_booked = Meeting booked
outcome-opening_found = Opening found
outcome-interview_agreed = Interview agreed
outcome-hired = Hired
outcome-declined = Declined
due-tomorrow = Tomorrow
due-week = In a week
due-two_weeks = In 2 weeks
due-month = In a month
due-date = Pick a date
contact-channel = Channel
contact-outcome = Outcome
contact-notes = Notes
contact-notes-hint = Do not write jobseekers' health information, diagnoses or personal identity codes.
contact-next-step = Next step
contact-next-step-hint = E.g. "Send two candidates' profiles". Leave empty if no follow-up is needed.
contact-due = When
contact-due-date = Date (if you picked a date)
contact-more = More: contact person, purpose, time
contact-person = Contact person
contact-person-none = None chosen
contact-purpose = Purpose
contact-purpose-none = None chosen
contact-client-specific = Client-specific contact (on behalf of a particular jobseeker)
contact-client-specific-short = client-specific
contact-occurred-at = Time
contact-occurred-at-hint = Now by default. You can log afterwards too.
contact-save = Save the contact
contact-error-channel = Choose a channel.
contact-error-outcome = Choose an outcome.
contact-error-datetime = Enter the time as dd.mm.yyyy hh.mm, between the years { $min } and { $max }.
contact-error-future = The time cannot be in the future.
contact-error-due = Choose the date of the next step.
contact-error-due-past = The next step cannot be due in the past.
flash-already-saved = This was saved already; it was not saved a second time.
flash-contact-logged = Contact saved.

## Employer register
employers-title = Employers
employers-new = New employer
employers-search = Search
employers-search-placeholder = Name or business ID
employers-filters = Narrow the search
employers-apply = Show
employers-sort = Order
employers-count = { $count ->
    [one] { $count } employer
   *[other] { $count } employers
}
employers-none = No employers match the search.
employers-last-contact = Last contact
employers-never = no contacts
employers-next-follow-up = Next follow-up
sort-name = Name
sort-last-contact = Last contact
sort-stage = Stage
filter-no-contact-90 = No contact in 90 days
filter-open-follow-ups = Open follow-ups
filter-archived = Show archived

## Employer details
employer-name = Name
employer-other-names = Other names
employer-business-id = Business ID
employer-business-id-hint = As 1234567-8. Associations and public units do not always have one.
employer-industry = Industry (TOL 2008)
employer-industry-code = Industry (TOL 2008)
employer-municipality = Municipality
employer-municipality-code = Municipality
employer-county = Wellbeing services county
employer-choose = Choose
employer-address = Address
employer-website = Website
employer-size = Size
employer-size-class = Size
employer-sector = Sector
employer-stage = Relationship stage
employer-dnc-reason = Why no contact
employer-do-not-contact-reason = Why no contact
employer-dnc-reason-hint = Required when the stage is "Do not contact".
employer-tags = Tags
employer-tags-hint = Separated by commas, e.g. logistics, shift work
employer-notes = Notes
employer-accommodations = Accommodations the workplace offers
employer-accommodations-hint = E.g. a quiet space, flexible start, part-time work.
employer-lead = Relationship lead
employer-lead-user-id = Relationship lead
employer-no-lead = No relationship lead
employer-save = Save
employer-save-anyway = Save as new anyway
employer-edit = Edit
employer-edit-title = Edit employer
employer-history = History
employer-archive = Archive
employer-restore = Restore from the archive
employer-archived-notice = This employer is archived. Its records are kept but it is not shown in the register.
employer-facts = Details
employer-log-contact = Log a contact
employer-timeline = Contacts
employer-timeline-shown = Showing the newest { $shown } of { $total } contacts.
employer-timeline-all = Show all
employer-timeline-empty = No contacts yet.
employer-duplicate-business-id = There is already an employer with this business ID:
employer-warning-similar = An employer with a similar name exists in the same municipality. Is it the same one?
employer-warning-similar-go-on = If it is a different employer, save again.
employer-error-name = Enter a name (at most { $max } characters).
employer-error-business-id-format = A business ID looks like 1234567-8 (seven digits, a hyphen, a check digit).
employer-error-business-id-check = The business ID's check digit does not match. Check the ID.
employer-error-business-id-taken = There is already an employer with this business ID.
employer-error-municipality = Choose a municipality from the list.
employer-error-choice = Choose an option from the list.
employer-error-dnc-reason = Say why the employer must not be contacted.
employer-error-website = Enter the website's address without spaces, e.g. www.example.fi (at most { $max } characters).
employer-error-too-long = The text is too long.
flash-employer-created = Employer added.
flash-employer-saved = Changes saved.
flash-employer-archived = Employer archived.
flash-employer-restored = Employer restored to the register.

## Simultaneous edits
conflict-title = Someone else saved at the same time
conflict-intro = Another user saved changes to this employer after you started editing. Nothing has been overwritten yet: choose below which value stays.
conflict-count = { $count ->
    [0] The changes are in different fields; they are merged.
    [one] One field was changed differently by both of you.
   *[other] { $count } fields were changed differently by both of you.
}
conflict-table = Both versions
conflict-field = Field
conflict-theirs = Saved version
conflict-mine = Your changes
conflict-kept = kept
conflict-unchanged = unchanged
conflict-save = Save the merged version
conflict-discard = Discard my changes

## History
history-title = History: { $name }
history-caption = Every change, newest first
history-empty = No changes.
history-when = When
history-who = Who
history-what = What
history-old = Old value
history-new = New value
history-entity-employer = Employer
history-entity-contact-person = Contact person
history-entity-contact = Contact
history-entity-follow-up = Follow-up
history-action-create = added
history-action-update = changed
history-action-archive = archived
history-action-restore = restored
history-action-left = left the company
history-action-returned = returned
history-action-done = done
history-action-snooze = snoozed
history-action-reassign = reassigned

## Contact persons
persons-title = Contact persons
persons-none = No contact persons.
person-add = Add a contact person
person-edit-title = Edit contact person
person-edit = Edit: { $name }
person-name = Name
person-role = Role
person-phone = Phone
person-email = Email
person-preferred-channel = Preferred channel
person-prefers = prefers:
person-notes = Notes
person-save = Save contact person
person-has-left = Has left the company
person-mark-left = { $name } has left the company
person-mark-back = { $name } is back at the company
person-error-name = Enter the contact person's name (at most { $max } characters).
person-error-phone = Enter the phone number in digits, e.g. 040 123 4567 (at least 5 digits, at most { $max } characters).
flash-person-saved = Contact person saved.

## Quick log
quick-log-title = Quick log
quick-log-find = Employer
quick-log-find-hint = Type the start of the name or the business ID (at least two characters).
quick-log-no-match = No matches. You can add the employer below.
quick-log-new = New employer
quick-log-create = Add and log
quick-log-before = What happened before
quick-log-open-employer = Open the employer's page
quick-log-other = Another employer

## Follow-ups
follow-ups-title = My follow-ups
follow-ups-team-title = The team's follow-ups
follow-ups-mine = Mine
follow-ups-team = Team
follow-ups-whose = Whose follow-ups
follow-ups-none = No open follow-ups.
bucket-overdue = Overdue
bucket-today = Today
bucket-this_week = This week
bucket-later = Later
follow-up-status-open = Open
follow-up-status-snoozed = Snoozed
follow-up-status-done = Done
follow-up-due = due
follow-up-mark-done = Mark as done
follow-up-result-note = Result (shown on the contact timeline)
follow-up-done = Done
follow-up-reassign-to = Reassign to
follow-up-reassign = Reassign
snooze-tomorrow = To tomorrow
snooze-next_week = To next week
snooze-date = Snooze to date
timeline-follow-up = Next step
timeline-follow-up-done = Done
flash-follow-up-done = Follow-up marked as done.
flash-follow-up-snoozed = Follow-up snoozed.
flash-follow-up-reassigned = Follow-up reassigned.
flash-snooze-date = Choose a future date, at the latest 31.12.2100.
flash-reassign-choose = Choose an active user.
admin-end-sessions = Sign out everywhere
flash-sessions-ended = All the user's sessions have ended.
flash-own-sessions-ended = Your other sessions have ended; this one continues.
team-error-name-taken = A team with this name exists already (upper and lower case do not make names different).
flash-note-refused = The note was not saved: at most 2000 characters, no control characters.
