// One schema for both backends, written with portable column types only.

diesel::table! {
    idempotency_keys (key) {
        key -> Text,
        user_id -> BigInt,
        location -> Text,
        created_at -> Timestamp,
    }
}

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
        name_key -> Text,
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
        digest -> Text,
    }
}

diesel::table! {
    sessions (token_hash) {
        token_hash -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        last_seen_at -> Timestamp,
    }
}

diesel::table! {
    login_throttle (key) {
        key -> Text,
        failures -> BigInt,
        window_started -> Timestamp,
        last_check -> Timestamp,
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

diesel::table! {
    employers (id) {
        id -> BigInt,
        business_id -> Nullable<Text>,
        name -> Text,
        other_names -> Text,
        search_text -> Text,
        sort_name -> Text,
        industry_code_set -> Nullable<Text>,
        industry_code -> Nullable<Text>,
        municipality_code -> Nullable<Text>,
        address -> Text,
        website -> Text,
        size_class -> Nullable<Text>,
        sector -> Text,
        stage -> Text,
        do_not_contact_reason -> Text,
        tags -> Text,
        notes -> Text,
        accommodations -> Text,
        lead_user_id -> Nullable<BigInt>,
        last_contact_at -> Nullable<Timestamp>,
        last_contact_id -> Nullable<BigInt>,
        archived_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        last_contact_coach_id -> Nullable<BigInt>,
        other_coach_contact_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    contact_persons (id) {
        id -> BigInt,
        employer_id -> BigInt,
        name -> Text,
        role -> Text,
        phone -> Text,
        email -> Text,
        preferred_channel -> Nullable<Text>,
        notes -> Text,
        left_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    contacts (id) {
        id -> BigInt,
        employer_id -> BigInt,
        contact_person_id -> Nullable<BigInt>,
        coach_id -> BigInt,
        occurred_at -> Timestamp,
        channel -> Text,
        purpose -> Nullable<Text>,
        client_specific -> Bool,
        jobseeker_id -> Nullable<BigInt>,
        outcome -> Text,
        notes -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    follow_ups (id) {
        id -> BigInt,
        employer_id -> BigInt,
        contact_id -> Nullable<BigInt>,
        assignee_id -> BigInt,
        created_by -> BigInt,
        due_on -> Date,
        what -> Text,
        status -> Text,
        result_note -> Text,
        done_at -> Nullable<Timestamp>,
        done_by -> Nullable<BigInt>,
        last_reminded_on -> Nullable<Date>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        user_id -> Nullable<BigInt>,
        entity -> Text,
        entity_id -> BigInt,
        employer_id -> Nullable<BigInt>,
        action -> Text,
        field -> Nullable<Text>,
        old_value -> Nullable<Text>,
        new_value -> Nullable<Text>,
    }
}

diesel::table! {
    jobseekers (id) {
        id -> BigInt,
        display_name -> Text,
        coach_id -> BigInt,
        entered_on -> Date,
        status -> Text,
        closed_on -> Nullable<Date>,
        consent_employer_contact -> Bool,
        consent_employer_scope -> Text,
        consent_needs -> Bool,
        consent_given_on -> Nullable<Date>,
        disclosure -> Text,
        disclosure_wording -> Text,
        wanted_occupations -> Text,
        avoided_occupations -> Text,
        wanted_industries -> Text,
        avoided_industries -> Text,
        municipalities -> Text,
        travel -> Text,
        hours_min -> Nullable<BigInt>,
        hours_max -> Nullable<BigInt>,
        schedules -> Text,
        contract_types -> Text,
        pay_expectation -> Nullable<BigInt>,
        pay_unit -> Nullable<Text>,
        strengths -> Text,
        languages -> Text,
        licences -> Text,
        needs -> Text,
        notes -> Text,
        anonymised_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    openings (id) {
        id -> BigInt,
        employer_id -> BigInt,
        coach_id -> BigInt,
        contact_id -> Nullable<BigInt>,
        title -> Text,
        occupation -> Text,
        description -> Text,
        municipality_code -> Nullable<Text>,
        hours_min -> Nullable<BigInt>,
        hours_max -> Nullable<BigInt>,
        schedules -> Text,
        contract_type -> Nullable<Text>,
        pay -> Nullable<BigInt>,
        pay_unit -> Nullable<Text>,
        starts_on -> Nullable<Date>,
        closes_on -> Nullable<Date>,
        source -> Text,
        ad_url -> Text,
        must_licences -> Text,
        nice_licences -> Text,
        must_have -> Text,
        nice_to_have -> Text,
        features -> Text,
        wage_subsidy_possible -> Bool,
        status -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    matches (id) {
        id -> BigInt,
        opening_id -> BigInt,
        jobseeker_id -> BigInt,
        coach_id -> BigInt,
        stage -> Text,
        score -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    match_events (id) {
        id -> BigInt,
        match_id -> BigInt,
        employer_id -> BigInt,
        stage -> Text,
        occurred_on -> Date,
        user_id -> BigInt,
        note -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    placements (id) {
        id -> BigInt,
        jobseeker_id -> BigInt,
        employer_id -> BigInt,
        opening_id -> Nullable<BigInt>,
        match_id -> Nullable<BigInt>,
        coach_id -> BigInt,
        job_title -> Text,
        occupation -> Text,
        starts_on -> Date,
        ends_on -> Nullable<Date>,
        hours_per_week -> Nullable<BigInt>,
        pay -> Nullable<BigInt>,
        pay_unit -> Nullable<Text>,
        contract_type -> Nullable<Text>,
        competitive -> Bool,
        wage_subsidy -> Bool,
        wage_subsidy_percent -> Nullable<BigInt>,
        disclosure -> Text,
        end_reason -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    support_contacts (id) {
        id -> BigInt,
        placement_id -> BigInt,
        coach_id -> BigInt,
        occurred_on -> Date,
        channel -> Text,
        with_whom -> Text,
        notes -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        dedup_key -> Text,
        kind -> Text,
        user_id -> Nullable<BigInt>,
        recipient -> Text,
        language -> Text,
        subject -> Text,
        message_id -> Text,
        message -> Text,
        state -> Text,
        attempts -> BigInt,
        next_attempt_at -> Timestamp,
        lease_owner -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    digest_runs (local_date) {
        local_date -> Date,
        planned_at -> Timestamp,
        queued -> BigInt,
    }
}

diesel::joinable!(employers -> municipalities (municipality_code));
diesel::joinable!(contact_persons -> employers (employer_id));
diesel::joinable!(contacts -> employers (employer_id));
diesel::joinable!(contacts -> contact_persons (contact_person_id));
diesel::joinable!(contacts -> users (coach_id));
diesel::joinable!(follow_ups -> employers (employer_id));
diesel::joinable!(follow_ups -> contacts (contact_id));
diesel::joinable!(jobseekers -> users (coach_id));
diesel::joinable!(openings -> employers (employer_id));
diesel::joinable!(matches -> openings (opening_id));
diesel::joinable!(matches -> jobseekers (jobseeker_id));
diesel::joinable!(match_events -> matches (match_id));
diesel::joinable!(placements -> jobseekers (jobseeker_id));
diesel::joinable!(placements -> employers (employer_id));
diesel::joinable!(support_contacts -> placements (placement_id));

diesel::allow_tables_to_appear_in_same_query!(
    idempotency_keys,
    settings,
    teams,
    users,
    sessions,
    login_throttle,
    wellbeing_counties,
    municipalities,
    industries,
    employers,
    contact_persons,
    contacts,
    follow_ups,
    audit_log,
    jobseekers,
    openings,
    matches,
    match_events,
    placements,
    support_contacts,
    outbox,
    digest_runs,
);
