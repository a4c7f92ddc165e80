//! The route table: every route with the roles that may use it. Nothing outside this table is
//! reachable, and the gate denies any role the table does not name (deny by default).

use super::{
    admin, assets, contact_persons, contacts, employers, follow_ups, handover, health, home,
    jobseekers, login, matches, openings, outbox, placements, privacy, profile, reports,
};
use crate::domain::role::Role;
use actix_web::{http::Method, web};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user.
    SignedIn,
    /// Signed-in users with one of these roles.
    Roles(&'static [Role]),
}

impl Access {
    pub fn allows(self, role: Option<Role>) -> bool {
        match (self, role) {
            (Access::Public, _) => true,
            (_, None) => false,
            (Access::SignedIn, Some(_)) => true,
            (Access::Roles(roles), Some(r)) => roles.contains(&r),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

const ADMIN: Access = Access::Roles(&[Role::Admin]);
const LEADS: Access = Access::Roles(&[Role::TeamLead, Role::Admin]);

macro_rules! route_table {
    ($( $path:literal { $( $method:ident => $handler:path, $access:expr; )+ } )*) => {
        pub const ROUTES: &[RouteSpec] = &[
            $( $( RouteSpec { method: stringify!($method), path: $path, access: $access }, )+ )*
        ];

        pub fn register(cfg: &mut web::ServiceConfig) {
            $(
                cfg.service(
                    web::resource($path)
                        $( .route(web::method(Method::$method).to($handler)) )+
                );
            )*
        }
    };
}

route_table! {
    "/health" {
        GET => health::health, Access::Public;
    }
    "/ready" {
        GET => health::ready, Access::Public;
    }
    "/static/{file}" {
        GET => assets::file, Access::Public;
    }
    "/login" {
        GET => login::form, Access::Public;
        POST => login::submit, Access::Public;
    }
    "/logout" {
        POST => login::sign_out, Access::SignedIn;
    }
    "/" {
        GET => home::index, Access::SignedIn;
    }
    "/profile" {
        GET => profile::show, Access::SignedIn;
    }
    "/profile/language" {
        POST => profile::set_language, Access::SignedIn;
    }
    "/profile/password" {
        POST => profile::change_password, Access::SignedIn;
    }
    "/profile/digest" {
        POST => profile::set_digest, Access::SignedIn;
    }
    "/employers" {
        GET => employers::list, Access::SignedIn;
        POST => employers::create, Access::SignedIn;
    }
    "/employers/new" {
        GET => employers::new_form, Access::SignedIn;
    }
    "/employers/{id}" {
        GET => employers::show, Access::SignedIn;
        POST => employers::update, Access::SignedIn;
    }
    "/employers/{id}/edit" {
        GET => employers::edit_form, Access::SignedIn;
    }
    "/employers/{id}/history" {
        GET => employers::history, Access::SignedIn;
    }
    "/employers/{id}/archive" {
        POST => employers::archive, LEADS;
    }
    "/employers/{id}/restore" {
        POST => employers::restore, LEADS;
    }
    "/employers/{id}/contacts" {
        POST => contacts::log, Access::SignedIn;
    }
    "/employers/{id}/persons" {
        POST => contact_persons::add, Access::SignedIn;
    }
    "/employers/{id}/persons/{person_id}" {
        POST => contact_persons::update, Access::SignedIn;
    }
    "/employers/{id}/persons/{person_id}/edit" {
        GET => contact_persons::edit_form, Access::SignedIn;
    }
    "/employers/{id}/persons/{person_id}/left" {
        POST => contact_persons::set_left, Access::SignedIn;
    }
    "/log" {
        GET => contacts::quick_log, Access::SignedIn;
    }
    "/log/suggest" {
        GET => contacts::suggest, Access::SignedIn;
    }
    "/log/employer" {
        POST => contacts::quick_create, Access::SignedIn;
    }
    "/follow-ups" {
        GET => follow_ups::list, Access::SignedIn;
    }
    "/follow-ups/{id}/done" {
        POST => follow_ups::done, Access::SignedIn;
    }
    "/follow-ups/{id}/snooze" {
        POST => follow_ups::snooze, Access::SignedIn;
    }
    "/follow-ups/{id}/reassign" {
        POST => follow_ups::reassign, Access::SignedIn;
    }
    "/openings" {
        GET => openings::list, Access::SignedIn;
        POST => openings::create, Access::SignedIn;
    }
    "/openings/new" {
        GET => openings::new_form, Access::SignedIn;
    }
    "/openings/{id}" {
        GET => openings::show, Access::SignedIn;
        POST => openings::update, Access::SignedIn;
    }
    "/openings/{id}/edit" {
        GET => openings::edit_form, Access::SignedIn;
    }
    "/jobseekers" {
        GET => jobseekers::list, Access::SignedIn;
        POST => jobseekers::create, Access::SignedIn;
    }
    "/jobseekers/new" {
        GET => jobseekers::new_form, Access::SignedIn;
    }
    "/jobseekers/{id}" {
        GET => jobseekers::show, Access::SignedIn;
        POST => jobseekers::update, Access::SignedIn;
    }
    "/jobseekers/{id}/edit" {
        GET => jobseekers::edit_form, Access::SignedIn;
    }
    "/jobseekers/{id}/erase" {
        POST => jobseekers::erase, ADMIN;
    }
    "/matches" {
        GET => matches::pipeline, Access::SignedIn;
        POST => matches::suggest, Access::SignedIn;
    }
    "/matches/{id}/stage" {
        POST => matches::move_stage, Access::SignedIn;
    }
    "/placements" {
        GET => placements::list, Access::SignedIn;
        POST => placements::create, Access::SignedIn;
    }
    "/placements/new" {
        GET => placements::new_form, Access::SignedIn;
    }
    "/placements/{id}" {
        GET => placements::show, Access::SignedIn;
    }
    "/placements/{id}/support" {
        POST => placements::add_support, Access::SignedIn;
    }
    "/placements/{id}/end" {
        POST => placements::end, Access::SignedIn;
    }
    "/handover" {
        GET => handover::page, LEADS;
        POST => handover::submit, LEADS;
    }
    "/reports" {
        GET => reports::index, LEADS;
    }
    "/reports/coverage" {
        GET => reports::coverage, LEADS;
    }
    "/reports/relationships" {
        GET => reports::relationships, LEADS;
    }
    "/reports/relationships/lead" {
        POST => reports::assign_lead, LEADS;
    }
    "/reports/relationships/follow-up" {
        POST => reports::create_follow_up, LEADS;
    }
    "/reports/job-development" {
        // A coach sees their own numbers; team leads and admins anybody's.
        GET => reports::job_development, Access::SignedIn;
    }
    "/admin/users" {
        GET => admin::users, ADMIN;
        POST => admin::add_user, ADMIN;
    }
    "/admin/users/{id}/role" {
        POST => admin::change_role, ADMIN;
    }
    "/admin/users/{id}/active" {
        POST => admin::set_active, ADMIN;
    }
    "/admin/users/{id}/sessions" {
        POST => admin::end_sessions, ADMIN;
    }
    "/admin/privacy" {
        GET => privacy::page, ADMIN;
    }
    "/admin/privacy/retention" {
        POST => privacy::set_retention, ADMIN;
    }
    "/admin/privacy/run" {
        POST => privacy::run_now, ADMIN;
    }
    "/admin/teams" {
        POST => admin::add_team, ADMIN;
    }
    "/admin/settings/digest-time" {
        POST => admin::set_digest_time, ADMIN;
    }
    "/admin/outbox" {
        GET => outbox::list, ADMIN;
    }
    "/admin/outbox/{id}" {
        GET => outbox::show, ADMIN;
    }
    "/admin/outbox/{id}/html" {
        GET => outbox::html, ADMIN;
    }
    "/admin/outbox/{id}/retry" {
        POST => outbox::retry, ADMIN;
    }
}

/// The table entry for a matched route pattern and method.
pub fn lookup(method: &Method, pattern: &str) -> Option<&'static RouteSpec> {
    ROUTES
        .iter()
        .find(|r| r.path == pattern && r.method == method.as_str())
}
