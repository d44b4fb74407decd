using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClinicalRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "psychiatric");

            migrationBuilder.EnsureSchema(
                name: "somatic");

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

            migrationBuilder.CreateIndex(
                name: "ix_entries_amends_id",
                schema: "psychiatric",
                table: "entries",
                column: "amends_id");

            migrationBuilder.CreateIndex(
                name: "ix_entries_patient_id_occurred_at",
                schema: "psychiatric",
                table: "entries",
                columns: new[] { "patient_id", "occurred_at" });

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
                name: "ix_entries_patient_id_occurred_at1",
                schema: "somatic",
                table: "entries",
                columns: new[] { "patient_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_unit_id1",
                schema: "somatic",
                table: "entries",
                column: "unit_id");

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
            // P17, at database level: a signed (or abandoned) entry is never updated, and no entry is ever deleted,
            // whichever role connects — the triggers bind the table owner too. Drafts stay editable.
            migrationBuilder.Sql("""
                CREATE FUNCTION core.protect_clinical_entry() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD.status = 'Draft' THEN
                        RETURN NEW;
                    END IF;
                    IF TG_OP = 'UPDATE' THEN
                        RAISE EXCEPTION 'UsmpCare: signed entry % of %.% is immutable (P17)', OLD.id, TG_TABLE_SCHEMA, TG_TABLE_NAME
                            USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    RAISE EXCEPTION 'UsmpCare: clinical entries are never deleted (P17)'
                        USING ERRCODE = 'integrity_constraint_violation';
                END $$;
                CREATE TRIGGER entries_protect BEFORE UPDATE OR DELETE ON somatic.entries
                    FOR EACH ROW EXECUTE FUNCTION core.protect_clinical_entry();
                CREATE TRIGGER entries_protect BEFORE UPDATE OR DELETE ON psychiatric.entries
                    FOR EACH ROW EXECUTE FUNCTION core.protect_clinical_entry();
                CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON somatic.entries
                    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
                CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON psychiatric.entries
                    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
                CREATE TRIGGER hunger_strikes_no_delete BEFORE DELETE ON somatic.hunger_strikes
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                CREATE TRIGGER medical_records_no_delete BEFORE DELETE ON core.medical_records
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS core.protect_clinical_entry() CASCADE;");
            migrationBuilder.DropTable(
                name: "entries",
                schema: "psychiatric");

            migrationBuilder.DropTable(
                name: "entries",
                schema: "somatic");

            migrationBuilder.DropTable(
                name: "hunger_strikes",
                schema: "somatic");

            migrationBuilder.DropTable(
                name: "medical_records",
                schema: "core");
        }
    }
}
