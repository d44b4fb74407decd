using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsentsAndDisclosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "consent");

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
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "ix_abuse_signalements_patient_id",
                schema: "consent",
                table: "abuse_signalements",
                column: "patient_id");

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
            // P02, P03: the consent history and the ledger of disclosures are append-only, whoever connects.
            migrationBuilder.Sql("""
                CREATE FUNCTION core.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'UsmpCare: %.% is append-only: rows are never updated or deleted', TG_TABLE_SCHEMA, TG_TABLE_NAME
                        USING ERRCODE = 'integrity_constraint_violation';
                END $$;
                CREATE TRIGGER consent_entries_append_only BEFORE UPDATE OR DELETE ON consent.consent_entries
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER disclosures_append_only BEFORE UPDATE OR DELETE ON consent.disclosures
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER spip_shares_append_only BEFORE UPDATE OR DELETE ON consent.spip_shares
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER risk_signalements_append_only BEFORE UPDATE OR DELETE ON consent.risk_signalements
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER abuse_signalements_append_only BEFORE UPDATE OR DELETE ON consent.abuse_signalements
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER consent_entries_no_truncate BEFORE TRUNCATE ON consent.consent_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER disclosures_no_truncate BEFORE TRUNCATE ON consent.disclosures
                    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER collection_rounds_no_delete BEFORE DELETE ON care.collection_rounds
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                CREATE TRIGGER care_requests_no_truncate BEFORE TRUNCATE ON care.care_requests
                    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
                CREATE TRIGGER care_request_events_no_truncate BEFORE TRUNCATE ON care.care_request_events
                    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS core.append_only() CASCADE;");
            migrationBuilder.DropTable(
                name: "abuse_signalements",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "risk_signalements",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "spip_shares",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "disclosures",
                schema: "consent");

            migrationBuilder.DropTable(
                name: "consent_entries",
                schema: "consent");
        }
    }
}
