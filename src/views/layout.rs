//! The page frame every page shares: header, navigation, main landmark, flash, footer.

use crate::domain::role::Role;
use crate::web::assets;
use crate::web::context::{Ctx, FlashKind};
use maud::{html, Markup, DOCTYPE};

/// A navigation entry: where, its message id, and who sees it.
struct NavItem {
    href: &'static str,
    message_id: &'static str,
    roles: &'static [Role],
}

const EVERYONE: &[Role] = &[Role::Coach, Role::TeamLead, Role::Admin];

const NAV: &[NavItem] = &[
    NavItem {
        href: "/",
        message_id: "nav-home",
        roles: EVERYONE,
    },
    NavItem {
        href: "/log",
        message_id: "nav-quick-log",
        roles: EVERYONE,
    },
    NavItem {
        href: "/employers",
        message_id: "nav-employers",
        roles: EVERYONE,
    },
    NavItem {
        href: "/follow-ups",
        message_id: "nav-follow-ups",
        roles: EVERYONE,
    },
    NavItem {
        href: "/openings",
        message_id: "nav-openings",
        roles: EVERYONE,
    },
    NavItem {
        href: "/jobseekers",
        message_id: "nav-jobseekers",
        roles: EVERYONE,
    },
    NavItem {
        href: "/matches",
        message_id: "nav-matches",
        roles: EVERYONE,
    },
    NavItem {
        href: "/placements",
        message_id: "nav-placements",
        roles: EVERYONE,
    },
    NavItem {
        href: "/handover",
        message_id: "nav-handover",
        roles: &[Role::TeamLead, Role::Admin],
    },
    NavItem {
        href: "/reports",
        message_id: "nav-reports",
        roles: &[Role::TeamLead, Role::Admin],
    },
    NavItem {
        href: "/reports/job-development",
        message_id: "nav-my-numbers",
        roles: &[Role::Coach],
    },
    NavItem {
        href: "/admin/users",
        message_id: "nav-admin",
        roles: &[Role::Admin],
    },
    NavItem {
        href: "/admin/outbox",
        message_id: "nav-outbox",
        roles: &[Role::Admin],
    },
];

fn head(title: &str, script: Option<&str>) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) " – Verkosto" }
            link rel="stylesheet" href=(assets::url("style.css"));
            link rel="icon" type="image/svg+xml" href=(assets::url("favicon.svg"));
            meta name="color-scheme" content="light";
            @if let Some(script) = script { script src=(assets::url(script)) defer {} }
        }
    }
}

fn is_current(path: &str, href: &str) -> bool {
    if href == "/" {
        path == "/"
    } else {
        path == href || path.starts_with(&format!("{href}/"))
    }
}

/// A full page for a signed-in user (or the bare frame when nobody is signed in).
pub fn page(ctx: &Ctx, title: &str, body: Markup) -> Markup {
    frame(ctx, title, body, None)
}

/// A page that also loads one of our scripts; every page works without it.
pub fn page_with_script(ctx: &Ctx, title: &str, body: Markup, script: &str) -> Markup {
    frame(ctx, title, body, Some(script))
}

fn frame(ctx: &Ctx, title: &str, body: Markup, script: Option<&str>) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            (head(title, script))
            body {
                a.skip-link href="#main" { (ctx.t("layout-skip-to-content")) }
                header.site-header {
                    div.brand {
                        a.brand-name href="/" { "Verkosto" }
                        span.org { (ctx.organisation_name) }
                    }
                    @if let Some(user) = &ctx.user {
                        nav.main-nav aria-label=(ctx.t("nav-label")) {
                            ul {
                                @for item in NAV.iter().filter(|i| i.roles.contains(&user.role)) {
                                    li {
                                        @if is_current(&ctx.path, item.href) {
                                            a href=(item.href) aria-current="page" { (ctx.t(item.message_id)) }
                                        } @else {
                                            a href=(item.href) { (ctx.t(item.message_id)) }
                                        }
                                    }
                                }
                            }
                        }
                        div.user-menu {
                            a href="/profile" title=(ctx.t("nav-profile")) {
                                (user.name)
                                span.lang-badge lang=(ctx.lang.code()) { " · " (ctx.lang.code().to_uppercase()) }
                            }
                            form method="post" action="/logout" {
                                (super::components::csrf(ctx))
                                button.link-button type="submit" { (ctx.t("nav-sign-out")) }
                            }
                        }
                    }
                }
                main #main tabindex="-1" {
                    @if let Some(flash) = &ctx.flash {
                        @let class = match flash.kind { FlashKind::Success => "flash flash-success", FlashKind::Error => "flash flash-error" };
                        div class=(class) role="status" { (ctx.t(&flash.message_id)) }
                    }
                    (body)
                }
                footer.site-footer {
                    p { (ctx.t("layout-footer")) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_current;

    #[test]
    fn marks_the_current_section() {
        assert!(is_current("/", "/"));
        assert!(!is_current("/admin/users", "/"));
        assert!(is_current("/admin/users", "/admin/users"));
        assert!(is_current("/employers/3", "/employers"));
        assert!(!is_current("/employersx", "/employers"));
    }
}
