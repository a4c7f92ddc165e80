// One schema for both backends, written with portable column types only.

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    teams (id) {
        id -> BigInt,
        name -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        name -> Text,
        role -> Text,
        team_id -> BigInt,
        password_hash -> Text,
        language -> Text,
        active -> Bool,
        created_at -> Timestamp,
        deactivated_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    sessions (token_hash) {
        token_hash -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> BigInt,
        account -> Text,
        address -> Text,
        attempted_at -> Timestamp,
    }
}

diesel::table! {
    wellbeing_counties (code) {
        code -> Text,
        name_fi -> Text,
        name_sv -> Text,
        name_en -> Text,
    }
}

diesel::table! {
    municipalities (code) {
        code -> Text,
        name_fi -> Text,
        name_sv -> Text,
        county_code -> Text,
    }
}

diesel::table! {
    industries (code_set, code) {
        code_set -> Text,
        code -> Text,
        level -> Text,
        parent -> Nullable<Text>,
        name_fi -> Text,
        name_sv -> Text,
        name_en -> Text,
    }
}

diesel::joinable!(users -> teams (team_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(municipalities -> wellbeing_counties (county_code));

diesel::allow_tables_to_appear_in_same_query!(
    settings,
    teams,
    users,
    sessions,
    login_attempts,
    wellbeing_counties,
    municipalities,
    industries,
);
