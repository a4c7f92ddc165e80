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
login-error-throttled = Too many failed attempts. Wait 15 minutes and try again.
flash-signed-out = You have signed out.

## Home
home-welcome = Welcome, { $name }!
home-role = { $role }, team { $team }.
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
flash-password-changed = Password changed.

## Forms
form-error-summary = Please check the form

## Administration
admin-title = Users and teams
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
user-error-name = Enter a name (at most 120 characters).
user-error-role = Choose a role.
user-error-team = Choose a team.
team-error-name = Enter the team's name (at most 80 characters).
flash-user-added = User added.
flash-user-updated = The user's role and team were saved.
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
error-413-text = What was sent is too large.
error-500-title = Something went wrong
error-500-text = An error happened in the service. Nothing was half-saved; please try again in a moment.
error-csrf-title = The form has expired
error-csrf-text = The form's security token was missing or old. Reload the page and send the form again.
