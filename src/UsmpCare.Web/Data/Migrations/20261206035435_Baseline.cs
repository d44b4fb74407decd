using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "consent");

            migrationBuilder.EnsureSchema(
                name: "documents");

            migrationBuilder.EnsureSchema(
                name: "treatments");

            migrationBuilder.EnsureSchema(
                name: "agenda");

            migrationBuilder.EnsureSchema(
                name: "audit");

            migrationBuilder.EnsureSchema(
                name: "care");

            migrationBuilder.EnsureSchema(
                name: "core");

            migrationBuilder.EnsureSchema(
                name: "auth");

            migrationBuilder.EnsureSchema(
                name: "psychiatric");

            migrationBuilder.EnsureSchema(
                name: "somatic");

            migrationBuilder.EnsureSchema(
                name: "continuity");

            migrationBuilder.EnsureSchema(
                name: "followup");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.CreateSequence(
                name: "document_number_seq",
                schema: "documents");

            BaselineSql.BeforeTables(migrationBuilder);

            migrationBuilder.CreateTable(
                name: "audit_events",
                schema: "audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    roles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    target = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => new { x.id, x.at });
                });

            migrationBuilder.CreateTable(
                name: "chain_head",
                schema: "audit",
                columns: table => new
                {
                    singleton = table.Column<bool>(type: "boolean", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chain_head", x => x.singleton);
                    table.CheckConstraint("ck_chain_head_singleton", "singleton");
                });

            migrationBuilder.CreateTable(
                name: "cim10_codes",
                schema: "core",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    search_text = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cim10_codes", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "drugs",
                schema: "treatments",
                columns: table => new
                {
                    cis = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    form = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    routes = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    authorization_status = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    marketing_status = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    search_text = table.Column<string>(type: "text", nullable: false),
                    presentations = table.Column<string>(type: "jsonb", nullable: true),
                    substances = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drugs", x => x.cis);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "units",
                schema: "core",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    establishment_type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    reference_hospital = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    hours = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    information_languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    entry_visit_target_hours = table.Column<int>(type: "integer", nullable: false, defaultValue: 48)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    last_totp_step = table.Column<long>(type: "bigint", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalSchema: "auth",
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "collection_rounds",
                schema: "care",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    wing = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    box = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    collected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    opened_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collection_rounds", x => x.id);
                    table.ForeignKey(
                        name: "fk_collection_rounds_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "distribution_defaults",
                schema: "treatments",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    missed_doses_before_alert = table.Column<int>(type: "integer", nullable: false),
                    modes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_distribution_defaults", x => x.unit_id);
                    table.ForeignKey(
                        name: "fk_distribution_defaults_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "escort_places",
                schema: "continuity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escort_places", x => x.id);
                    table.ForeignKey(
                        name: "fk_escort_places_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "patients",
                schema: "core",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ecrou = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    birth_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    sex = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ins = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    ins_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    cell = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    wing = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    arrival_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    legal_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    expected_release_date = table.Column<DateOnly>(type: "date", nullable: true),
                    is_vulnerable = table.Column<bool>(type: "boolean", nullable: false),
                    vulnerability_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    court_ordered_care = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    court_ordered_care_since = table.Column<DateOnly>(type: "date", nullable: true),
                    designated_physician = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    spoken_language = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    reads_french = table.Column<bool>(type: "boolean", nullable: false),
                    alerts = table.Column<List<string>>(type: "text[]", nullable: false),
                    search_text = table.Column<string>(type: "text", nullable: false, computedColumnSql: "lower(core.immutable_unaccent(ecrou || ' ' || last_name || ' ' || coalesce(birth_name, '') || ' ' || first_name))", stored: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    allergy_record = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patients", x => x.id);
                    table.ForeignKey(
                        name: "fk_patients_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rooms",
                schema: "agenda",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rooms", x => x.id);
                    table.ForeignKey(
                        name: "fk_rooms_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unit_memberships",
                schema: "auth",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_memberships", x => new { x.user_id, x.unit_id });
                    table.ForeignKey(
                        name: "fk_unit_memberships_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_unit_memberships_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                schema: "auth",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                schema: "auth",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalSchema: "auth",
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                schema: "auth",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "abuse_signalements",
                schema: "consent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ground = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    patient_informed = table.Column<bool>(type: "boolean", nullable: false),
                    copy_given = table.Column<bool>(type: "boolean", nullable: false),
                    director_informed = table.Column<bool>(type: "boolean", nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_abuse_signalements", x => x.id);
                    table.ForeignKey(
                        name: "fk_abuse_signalements_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "administration_requests",
                schema: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    what = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    refusal_ground = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    replied_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    issued_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_administration_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_administration_requests_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "break_glass_grants",
                schema: "audit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_break_glass_grants", x => x.id);
                    table.ForeignKey(
                        name: "fk_break_glass_grants_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "care_requests",
                schema: "care",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    wing = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    collected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: true),
                    unidentified_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    illegible = table.Column<bool>(type: "boolean", nullable: false),
                    anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    several_requests = table.Column<bool>(type: "boolean", nullable: false),
                    logged_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    logged_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    logged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    appointment_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    consultation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    close_reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_requests_collection_rounds_round_id",
                        column: x => x.round_id,
                        principalSchema: "care",
                        principalTable: "collection_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_care_requests_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_care_requests_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consent_entries",
                schema: "consent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    topic = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decision = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    recipient_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    expression = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    holder_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    holder_quality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    holder_reached_on = table.Column<DateOnly>(type: "date", nullable: true),
                    accompanying_adult = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_consent_entries_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "entries",
                schema: "psychiatric",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    signed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    amends_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amendment_reason = table.Column<string>(type: "text", nullable: true),
                    consultation_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    consent = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    consent_details = table.Column<string>(type: "text", nullable: true),
                    information_given = table.Column<string>(type: "text", nullable: true),
                    guard_present = table.Column<bool>(type: "boolean", nullable: false),
                    guard_ground = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    guard_reason = table.Column<string>(type: "text", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    findings = table.Column<string>(type: "text", nullable: true),
                    treating_physician_reason = table.Column<string>(type: "text", nullable: true),
                    medication = table.Column<string>(type: "text", nullable: true),
                    dose = table.Column<string>(type: "text", nullable: true),
                    medication_outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    hunger_strike_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    diagnoses = table.Column<string>(type: "jsonb", nullable: true),
                    prescriptions = table.Column<string>(type: "jsonb", nullable: true),
                    vitals = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_entries_entries_amends_id",
                        column: x => x.amends_id,
                        principalSchema: "psychiatric",
                        principalTable: "entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_entries_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_entries_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "entries",
                schema: "somatic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    signed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    amends_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amendment_reason = table.Column<string>(type: "text", nullable: true),
                    consultation_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    consent = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    consent_details = table.Column<string>(type: "text", nullable: true),
                    information_given = table.Column<string>(type: "text", nullable: true),
                    guard_present = table.Column<bool>(type: "boolean", nullable: false),
                    guard_ground = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    guard_reason = table.Column<string>(type: "text", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    findings = table.Column<string>(type: "text", nullable: true),
                    treating_physician_reason = table.Column<string>(type: "text", nullable: true),
                    medication = table.Column<string>(type: "text", nullable: true),
                    dose = table.Column<string>(type: "text", nullable: true),
                    medication_outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    hunger_strike_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    diagnoses = table.Column<string>(type: "jsonb", nullable: true),
                    prescriptions = table.Column<string>(type: "jsonb", nullable: true),
                    vitals = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entries1", x => x.id);
                    table.ForeignKey(
                        name: "fk_entries_entries_amends_id",
                        column: x => x.amends_id,
                        principalSchema: "somatic",
                        principalTable: "entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_entries_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_entries_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "external_appointments",
                schema: "continuity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place_id = table.Column<Guid>(type: "uuid", nullable: false),
                    escort_level = table.Column<int>(type: "integer", nullable: false),
                    medical_reason = table.Column<string>(type: "character varying(1400)", maxLength: 1400, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    cancelled_by = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    cancellation_cause = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    escort_delay_minutes = table.Column<int>(type: "integer", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    cover_document_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_appointments", x => x.id);
                    table.ForeignKey(
                        name: "fk_external_appointments_escort_places_place_id",
                        column: x => x.place_id,
                        principalSchema: "continuity",
                        principalTable: "escort_places",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_external_appointments_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hunger_strikes",
                schema: "somatic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    refuses_fluids = table.Column<bool>(type: "boolean", nullable: false),
                    started_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    information_given = table.Column<string>(type: "text", nullable: true),
                    informed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hunger_strikes", x => x.id);
                    table.ForeignKey(
                        name: "fk_hunger_strikes_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "issued_documents",
                schema: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recipient = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recipient_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_by_patient = table.Column<bool>(type: "boolean", nullable: false),
                    administration_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    disclosure_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_issued_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_issued_documents_issued_documents_replaces_id",
                        column: x => x.replaces_id,
                        principalSchema: "documents",
                        principalTable: "issued_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_issued_documents_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "medical_records",
                schema: "core",
                columns: table => new
                {
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paper_record_location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_medical_records", x => new { x.patient_id, x.team });
                    table.ForeignKey(
                        name: "fk_medical_records_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pill_boxes",
                schema: "treatments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_of = table.Column<DateOnly>(type: "date", nullable: false),
                    contents = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    prepared_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prepared_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    prepared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    checked_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    checked_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pill_boxes", x => x.id);
                    table.ForeignKey(
                        name: "fk_pill_boxes_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prescriptions",
                schema: "treatments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    prescriber_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prescriber_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    prescriber_rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    change = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stop_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    lines = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prescriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_prescriptions_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_prescriptions_prescriptions_replaces_id",
                        column: x => x.replaces_id,
                        principalSchema: "treatments",
                        principalTable: "prescriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prison_movements",
                schema: "core",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ecrou = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    establishment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    imported_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prison_movements", x => x.id);
                    table.ForeignKey(
                        name: "fk_prison_movements_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_prison_movements_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "problems",
                schema: "followup",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    onset_on = table.Column<DateOnly>(type: "date", nullable: true),
                    resolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    erroneous_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    erroneous_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    erroneous_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_problems", x => x.id);
                    table.ForeignKey(
                        name: "fk_problems_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recalls",
                schema: "followup",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    vaccine = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recalls", x => x.id);
                    table.ForeignKey(
                        name: "fk_recalls_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "record_access_requests",
                schema: "continuity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requester = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    requester_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    patient_document = table.Column<byte[]>(type: "bytea", nullable: true),
                    patient_document_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    patient_document_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    patient_document_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    legal_basis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    older_than_five_years = table.Column<bool>(type: "boolean", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    handed_over_on = table.Column<DateOnly>(type: "date", nullable: true),
                    handed_over_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_access_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_record_access_requests_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "release_plans",
                schema: "continuity",
                columns: table => new
                {
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    visit_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    visit_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    coordinating_physician = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    treating_physician = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    pack_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    pack_sent_to_designated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    released_without_pack_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_release_plans", x => x.patient_id);
                    table.ForeignKey(
                        name: "fk_release_plans_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "requisitions",
                schema: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    authority = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    physician_id = table.Column<Guid>(type: "uuid", nullable: false),
                    physician_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    what_asked = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    blocked = table.Column<bool>(type: "boolean", nullable: false),
                    refusal_letter = table.Column<byte[]>(type: "bytea", nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requisitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_requisitions_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "test_orders",
                schema: "followup",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    exam = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    other_label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ordered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ordered_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordered_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ordered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_test_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_test_orders_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfer_packs",
                schema: "continuity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    receiving_patient_id = table.Column<Guid>(type: "uuid", nullable: true),
                    destination = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    pack = table.Column<byte[]>(type: "bytea", nullable: false),
                    cover = table.Column<byte[]>(type: "bytea", nullable: false),
                    sent_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sent_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_packs", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_packs_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tso_confirmations",
                schema: "treatments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    confirmed_with = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tso_confirmations", x => x.id);
                    table.ForeignKey(
                        name: "fk_tso_confirmations_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tso_relays",
                schema: "treatments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_dose_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_dose = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    relay_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    relay_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    relay_contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    relay_appointment = table.Column<DateOnly>(type: "date", nullable: true),
                    naloxone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tso_relays", x => x.id);
                    table.ForeignKey(
                        name: "fk_tso_relays_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vaccinations",
                schema: "followup",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    vaccine = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dose_number = table.Column<int>(type: "integer", nullable: false),
                    lot = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    given_on = table.Column<DateOnly>(type: "date", nullable: false),
                    site = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    given_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    given_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vaccinations", x => x.id);
                    table.ForeignKey(
                        name: "fk_vaccinations_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "appointments",
                schema: "agenda",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    room_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    care_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recall_id = table.Column<Guid>(type: "uuid", nullable: true),
                    booked_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    booked_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    booked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    outcome_reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    outcome_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    outcome_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointments", x => x.id);
                    table.ForeignKey(
                        name: "fk_appointments_asp_net_users_practitioner_id",
                        column: x => x.practitioner_id,
                        principalSchema: "auth",
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appointments_care_requests_care_request_id",
                        column: x => x.care_request_id,
                        principalSchema: "care",
                        principalTable: "care_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appointments_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appointments_rooms_room_id",
                        column: x => x.room_id,
                        principalSchema: "agenda",
                        principalTable: "rooms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appointments_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "care_request_events",
                schema: "care",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    to = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    note = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_request_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_request_events_care_requests_request_id",
                        column: x => x.request_id,
                        principalSchema: "care",
                        principalTable: "care_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "care_request_scans",
                schema: "care",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_request_scans", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_request_scans_care_requests_request_id",
                        column: x => x.request_id,
                        principalSchema: "care",
                        principalTable: "care_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disclosures",
                schema: "consent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recipient_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    what = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    consent_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    exception = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disclosures", x => x.id);
                    table.ForeignKey(
                        name: "fk_disclosures_consent_entries_consent_entry_id",
                        column: x => x.consent_entry_id,
                        principalSchema: "consent",
                        principalTable: "consent_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_disclosures_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hunger_strike_events",
                schema: "somatic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hunger_strike_id = table.Column<Guid>(type: "uuid", nullable: false),
                    act = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    basis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hunger_strike_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_hunger_strike_events_hunger_strikes_hunger_strike_id",
                        column: x => x.hunger_strike_id,
                        principalSchema: "somatic",
                        principalTable: "hunger_strikes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "information_sheets",
                schema: "consent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handed_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    handed_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_information_sheets", x => x.id);
                    table.ForeignKey(
                        name: "fk_information_sheets_issued_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "documents",
                        principalTable: "issued_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_information_sheets_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "administrations",
                schema: "treatments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prescription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_index = table.Column<int>(type: "integer", nullable: false),
                    prescriber_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    slot = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    drug_name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    dose = table.Column<decimal>(type: "numeric", nullable: false),
                    dose_unit = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    nurse_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nurse_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    substitution = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_administrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_administrations_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_administrations_prescriptions_prescription_id",
                        column: x => x.prescription_id,
                        principalSchema: "treatments",
                        principalTable: "prescriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prescription_validations",
                schema: "treatments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    prescription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    answer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    remark = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    pharmacist_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pharmacist_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prescription_validations", x => x.id);
                    table.ForeignKey(
                        name: "fk_prescription_validations_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_prescription_validations_prescriptions_prescription_id",
                        column: x => x.prescription_id,
                        principalSchema: "treatments",
                        principalTable: "prescriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "test_results",
                schema: "followup",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true),
                    unit = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    reference_range = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    qualitative = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    result_on = table.Column<DateOnly>(type: "date", nullable: false),
                    entered_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entered_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_test_results", x => x.order_id);
                    table.ForeignKey(
                        name: "fk_test_results_test_orders_order_id",
                        column: x => x.order_id,
                        principalSchema: "followup",
                        principalTable: "test_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "appointment_outcomes",
                schema: "agenda",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    correction = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    by_prison = table.Column<bool>(type: "boolean", nullable: false),
                    by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointment_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_appointment_outcomes_appointments_appointment_id",
                        column: x => x.appointment_id,
                        principalSchema: "agenda",
                        principalTable: "appointments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risk_signalements",
                schema: "consent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measures = table.Column<List<string>>(type: "text[]", nullable: false),
                    facts = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    disclosure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_signalements", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_signalements_disclosures_disclosure_id",
                        column: x => x.disclosure_id,
                        principalSchema: "consent",
                        principalTable: "disclosures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_risk_signalements_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "spip_shares",
                schema: "consent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    disclosure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spip_shares", x => x.id);
                    table.ForeignKey(
                        name: "fk_spip_shares_disclosures_disclosure_id",
                        column: x => x.disclosure_id,
                        principalSchema: "consent",
                        principalTable: "disclosures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_spip_shares_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "entry_visits",
                schema: "somatic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    arrival_date = table.Column<DateOnly>(type: "date", nullable: false),
                    information_sheet_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entry_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_entry_visits_information_sheets_information_sheet_id",
                        column: x => x.information_sheet_id,
                        principalSchema: "consent",
                        principalTable: "information_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_entry_visits_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_entry_visits_somatic_entries_entry_id",
                        column: x => x.entry_id,
                        principalSchema: "somatic",
                        principalTable: "entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "result_acknowledgements",
                schema: "followup",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_result_acknowledgements", x => x.order_id);
                    table.ForeignKey(
                        name: "fk_result_acknowledgements_test_results_order_id",
                        column: x => x.order_id,
                        principalSchema: "followup",
                        principalTable: "test_results",
                        principalColumn: "order_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_abuse_signalements_patient_id",
                schema: "consent",
                table: "abuse_signalements",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_administration_requests_patient_id",
                schema: "documents",
                table: "administration_requests",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_administration_requests_unit_id_status",
                schema: "documents",
                table: "administration_requests",
                columns: new[] { "unit_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_administrations_patient_id",
                schema: "treatments",
                table: "administrations",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_administrations_prescriber_id_day",
                schema: "treatments",
                table: "administrations",
                columns: new[] { "prescriber_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_administrations_prescription_id_line_index_day_slot",
                schema: "treatments",
                table: "administrations",
                columns: new[] { "prescription_id", "line_index", "day", "slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_administrations_unit_id_day_slot",
                schema: "treatments",
                table: "administrations",
                columns: new[] { "unit_id", "day", "slot" });

            migrationBuilder.CreateIndex(
                name: "ix_appointment_outcomes_appointment_id",
                schema: "agenda",
                table: "appointment_outcomes",
                column: "appointment_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_care_request_id",
                schema: "agenda",
                table: "appointments",
                column: "care_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_patient_id",
                schema: "agenda",
                table: "appointments",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_practitioner_id_start",
                schema: "agenda",
                table: "appointments",
                columns: new[] { "practitioner_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_room_id_start",
                schema: "agenda",
                table: "appointments",
                columns: new[] { "room_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_unit_id_start",
                schema: "agenda",
                table: "appointments",
                columns: new[] { "unit_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_patient_id_at",
                schema: "audit",
                table: "audit_events",
                columns: new[] { "patient_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_unit_id_at",
                schema: "audit",
                table: "audit_events",
                columns: new[] { "unit_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_user_id",
                schema: "audit",
                table: "audit_events",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_break_glass_grants_patient_id",
                schema: "audit",
                table: "break_glass_grants",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_break_glass_grants_patient_unit_id_granted_at",
                schema: "audit",
                table: "break_glass_grants",
                columns: new[] { "patient_unit_id", "granted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_break_glass_grants_user_id_patient_id_expires_at",
                schema: "audit",
                table: "break_glass_grants",
                columns: new[] { "user_id", "patient_id", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_care_request_events_request_id",
                schema: "care",
                table: "care_request_events",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_request_scans_request_id",
                schema: "care",
                table: "care_request_scans",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_requests_answered",
                schema: "care",
                table: "care_requests",
                columns: new[] { "unit_id", "answered_at" },
                filter: "status = 'SeenInConsultation'")
                .Annotation("Npgsql:IndexInclude", new[] { "collected_at" });

            migrationBuilder.CreateIndex(
                name: "ix_care_requests_patient_id",
                schema: "care",
                table: "care_requests",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_requests_round_id",
                schema: "care",
                table: "care_requests",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_requests_unit_id_status_team_collected_at",
                schema: "care",
                table: "care_requests",
                columns: new[] { "unit_id", "status", "team", "collected_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cim10_codes_search_text",
                schema: "core",
                table: "cim10_codes",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_rounds_unit_id_closed_at",
                schema: "care",
                table: "collection_rounds",
                columns: new[] { "unit_id", "closed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_rounds_unit_id_collected_at",
                schema: "care",
                table: "collection_rounds",
                columns: new[] { "unit_id", "collected_at" });

            migrationBuilder.CreateIndex(
                name: "ix_consent_entries_patient_id_topic_recorded_at",
                schema: "consent",
                table: "consent_entries",
                columns: new[] { "patient_id", "topic", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_consent_entry_id",
                schema: "consent",
                table: "disclosures",
                column: "consent_entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_patient_id_at",
                schema: "consent",
                table: "disclosures",
                columns: new[] { "patient_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_disclosures_unit_id_at",
                schema: "consent",
                table: "disclosures",
                columns: new[] { "unit_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_drugs_search_text",
                schema: "treatments",
                table: "drugs",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_amends_id",
                schema: "psychiatric",
                table: "entries",
                column: "amends_id");

            migrationBuilder.CreateIndex(
                name: "ix_entries_patient_consultations",
                schema: "psychiatric",
                table: "entries",
                columns: new[] { "patient_id", "occurred_at" },
                filter: "kind = 'Consultation' AND status = 'Signed'")
                .Annotation("Npgsql:IndexInclude", new[] { "consultation_type" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_patient_id_occurred_at",
                schema: "psychiatric",
                table: "entries",
                columns: new[] { "patient_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_signed_consultations",
                schema: "psychiatric",
                table: "entries",
                columns: new[] { "unit_id", "occurred_at" },
                filter: "kind = 'Consultation' AND status = 'Signed'")
                .Annotation("Npgsql:IndexInclude", new[] { "consultation_type" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_unit_id",
                schema: "psychiatric",
                table: "entries",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_entries_amends_id1",
                schema: "somatic",
                table: "entries",
                column: "amends_id");

            migrationBuilder.CreateIndex(
                name: "ix_entries_patient_consultations",
                schema: "somatic",
                table: "entries",
                columns: new[] { "patient_id", "occurred_at" },
                filter: "kind = 'Consultation' AND status = 'Signed'")
                .Annotation("Npgsql:IndexInclude", new[] { "consultation_type" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_patient_id_occurred_at1",
                schema: "somatic",
                table: "entries",
                columns: new[] { "patient_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_signed_consultations",
                schema: "somatic",
                table: "entries",
                columns: new[] { "unit_id", "occurred_at" },
                filter: "kind = 'Consultation' AND status = 'Signed'")
                .Annotation("Npgsql:IndexInclude", new[] { "consultation_type" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_unit_id1",
                schema: "somatic",
                table: "entries",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_entry_visits_entry_id",
                schema: "somatic",
                table: "entry_visits",
                column: "entry_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_entry_visits_information_sheet_id",
                schema: "somatic",
                table: "entry_visits",
                column: "information_sheet_id");

            migrationBuilder.CreateIndex(
                name: "ix_entry_visits_patient_id_arrival_date",
                schema: "somatic",
                table: "entry_visits",
                columns: new[] { "patient_id", "arrival_date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_entry_visits_unit_id_signed_at",
                schema: "somatic",
                table: "entry_visits",
                columns: new[] { "unit_id", "signed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_escort_places_unit_id_name",
                schema: "continuity",
                table: "escort_places",
                columns: new[] { "unit_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_external_appointments_patient_id",
                schema: "continuity",
                table: "external_appointments",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_external_appointments_place_id",
                schema: "continuity",
                table: "external_appointments",
                column: "place_id");

            migrationBuilder.CreateIndex(
                name: "ix_external_appointments_unit_id_at",
                schema: "continuity",
                table: "external_appointments",
                columns: new[] { "unit_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_hunger_strike_events_hunger_strike_id",
                schema: "somatic",
                table: "hunger_strike_events",
                column: "hunger_strike_id");

            migrationBuilder.CreateIndex(
                name: "ix_hunger_strikes_patient_id",
                schema: "somatic",
                table: "hunger_strikes",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_hunger_strikes_unit_id_ended_on",
                schema: "somatic",
                table: "hunger_strikes",
                columns: new[] { "unit_id", "ended_on" });

            migrationBuilder.CreateIndex(
                name: "ix_information_sheets_document_id",
                schema: "consent",
                table: "information_sheets",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_information_sheets_patient_id_handed_on",
                schema: "consent",
                table: "information_sheets",
                columns: new[] { "patient_id", "handed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_information_sheets_unit_id_at",
                schema: "consent",
                table: "information_sheets",
                columns: new[] { "unit_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_number",
                schema: "documents",
                table: "issued_documents",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_patient_id_issued_at",
                schema: "documents",
                table: "issued_documents",
                columns: new[] { "patient_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_replaces_id",
                schema: "documents",
                table: "issued_documents",
                column: "replaces_id");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_unit_id_issued_at",
                schema: "documents",
                table: "issued_documents",
                columns: new[] { "unit_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_patients_search_text",
                schema: "core",
                table: "patients",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_patients_unit_id_ecrou",
                schema: "core",
                table: "patients",
                columns: new[] { "unit_id", "ecrou" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_patients_unit_id_ecrou_prefix",
                schema: "core",
                table: "patients",
                columns: new[] { "unit_id", "ecrou" })
                .Annotation("Relational:Collation", new[] { null, "C" });

            migrationBuilder.CreateIndex(
                name: "ix_patients_unit_id_status_last_name",
                schema: "core",
                table: "patients",
                columns: new[] { "unit_id", "status", "last_name" });

            migrationBuilder.CreateIndex(
                name: "ix_pill_boxes_patient_id_week_of",
                schema: "treatments",
                table: "pill_boxes",
                columns: new[] { "patient_id", "week_of" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pill_boxes_unit_id_week_of",
                schema: "treatments",
                table: "pill_boxes",
                columns: new[] { "unit_id", "week_of" });

            migrationBuilder.CreateIndex(
                name: "ix_prescription_validations_patient_id",
                schema: "treatments",
                table: "prescription_validations",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_prescription_validations_prescription_id_at",
                schema: "treatments",
                table: "prescription_validations",
                columns: new[] { "prescription_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_prescription_validations_unit_id_at",
                schema: "treatments",
                table: "prescription_validations",
                columns: new[] { "unit_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_prescriptions_patient_id_status",
                schema: "treatments",
                table: "prescriptions",
                columns: new[] { "patient_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_prescriptions_replaces_id",
                schema: "treatments",
                table: "prescriptions",
                column: "replaces_id",
                unique: true,
                filter: "status = 'Signed'");

            migrationBuilder.CreateIndex(
                name: "ix_prison_movements_patient_id",
                schema: "core",
                table: "prison_movements",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_prison_movements_unit_id_ecrou_kind_date",
                schema: "core",
                table: "prison_movements",
                columns: new[] { "unit_id", "ecrou", "kind", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_problems_patient_id",
                schema: "followup",
                table: "problems",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_recalls_patient_id",
                schema: "followup",
                table: "recalls",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_recalls_unit_id_state_due_on",
                schema: "followup",
                table: "recalls",
                columns: new[] { "unit_id", "state", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_record_access_requests_patient_id",
                schema: "continuity",
                table: "record_access_requests",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_record_access_requests_unit_id_handed_over_on",
                schema: "continuity",
                table: "record_access_requests",
                columns: new[] { "unit_id", "handed_over_on" });

            migrationBuilder.CreateIndex(
                name: "ix_requisitions_patient_id",
                schema: "documents",
                table: "requisitions",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_requisitions_unit_id_recorded_at",
                schema: "documents",
                table: "requisitions",
                columns: new[] { "unit_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_signalements_disclosure_id",
                schema: "consent",
                table: "risk_signalements",
                column: "disclosure_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_signalements_patient_id",
                schema: "consent",
                table: "risk_signalements",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_signalements_unit_id_at",
                schema: "consent",
                table: "risk_signalements",
                columns: new[] { "unit_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                schema: "auth",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                schema: "auth",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rooms_unit_id_name",
                schema: "agenda",
                table: "rooms",
                columns: new[] { "unit_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_spip_shares_disclosure_id",
                schema: "consent",
                table: "spip_shares",
                column: "disclosure_id");

            migrationBuilder.CreateIndex(
                name: "ix_spip_shares_patient_id",
                schema: "consent",
                table: "spip_shares",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_spip_shares_unit_id_at",
                schema: "consent",
                table: "spip_shares",
                columns: new[] { "unit_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_test_orders_patient_id",
                schema: "followup",
                table: "test_orders",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_test_orders_unit_id_ordered_on",
                schema: "followup",
                table: "test_orders",
                columns: new[] { "unit_id", "ordered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_transfer_packs_patient_id",
                schema: "continuity",
                table: "transfer_packs",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_packs_to_unit_id",
                schema: "continuity",
                table: "transfer_packs",
                column: "to_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_packs_unit_id",
                schema: "continuity",
                table: "transfer_packs",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_tso_confirmations_patient_id",
                schema: "treatments",
                table: "tso_confirmations",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_tso_relays_patient_id",
                schema: "treatments",
                table: "tso_relays",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_memberships_unit_id",
                schema: "auth",
                table: "unit_memberships",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_code",
                schema: "core",
                table: "units",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                schema: "auth",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                schema: "auth",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                schema: "auth",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                schema: "auth",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                schema: "auth",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_vaccinations_patient_id",
                schema: "followup",
                table: "vaccinations",
                column: "patient_id");

            BaselineSql.AfterTables(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "abuse_signalements",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "administration_requests",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "administrations",
                schema: "treatments");

            migrationBuilder.DropTable(
                name: "appointment_outcomes",
                schema: "agenda");

            migrationBuilder.DropTable(
                name: "audit_events",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "break_glass_grants",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "care_request_events",
                schema: "care");

            migrationBuilder.DropTable(
                name: "care_request_scans",
                schema: "care");

            migrationBuilder.DropTable(
                name: "chain_head",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "cim10_codes",
                schema: "core");

            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "distribution_defaults",
                schema: "treatments");

            migrationBuilder.DropTable(
                name: "drugs",
                schema: "treatments");

            migrationBuilder.DropTable(
                name: "entries",
                schema: "psychiatric");

            migrationBuilder.DropTable(
                name: "entry_visits",
                schema: "somatic");

            migrationBuilder.DropTable(
                name: "external_appointments",
                schema: "continuity");

            migrationBuilder.DropTable(
                name: "hunger_strike_events",
                schema: "somatic");

            migrationBuilder.DropTable(
                name: "medical_records",
                schema: "core");

            migrationBuilder.DropTable(
                name: "pill_boxes",
                schema: "treatments");

            migrationBuilder.DropTable(
                name: "prescription_validations",
                schema: "treatments");

            migrationBuilder.DropTable(
                name: "prison_movements",
                schema: "core");

            migrationBuilder.DropTable(
                name: "problems",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "recalls",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "record_access_requests",
                schema: "continuity");

            migrationBuilder.DropTable(
                name: "release_plans",
                schema: "continuity");

            migrationBuilder.DropTable(
                name: "requisitions",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "result_acknowledgements",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "risk_signalements",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "role_claims",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "spip_shares",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "transfer_packs",
                schema: "continuity");

            migrationBuilder.DropTable(
                name: "tso_confirmations",
                schema: "treatments");

            migrationBuilder.DropTable(
                name: "tso_relays",
                schema: "treatments");

            migrationBuilder.DropTable(
                name: "unit_memberships",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "user_claims",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "user_logins",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "user_roles",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "user_tokens",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "vaccinations",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "appointments",
                schema: "agenda");

            migrationBuilder.DropTable(
                name: "information_sheets",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "entries",
                schema: "somatic");

            migrationBuilder.DropTable(
                name: "escort_places",
                schema: "continuity");

            migrationBuilder.DropTable(
                name: "hunger_strikes",
                schema: "somatic");

            migrationBuilder.DropTable(
                name: "prescriptions",
                schema: "treatments");

            migrationBuilder.DropTable(
                name: "test_results",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "disclosures",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "roles",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "users",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "care_requests",
                schema: "care");

            migrationBuilder.DropTable(
                name: "rooms",
                schema: "agenda");

            migrationBuilder.DropTable(
                name: "issued_documents",
                schema: "documents");

            migrationBuilder.DropTable(
                name: "test_orders",
                schema: "followup");

            migrationBuilder.DropTable(
                name: "consent_entries",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "collection_rounds",
                schema: "care");

            migrationBuilder.DropTable(
                name: "patients",
                schema: "core");

            migrationBuilder.DropTable(
                name: "units",
                schema: "core");

            migrationBuilder.DropSequence(
                name: "document_number_seq",
                schema: "documents");

            BaselineSql.AfterDown(migrationBuilder);
        }
    }
}
