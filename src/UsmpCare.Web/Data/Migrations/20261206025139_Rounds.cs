using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Rounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "missed_doses_before_alert",
                schema: "treatments",
                table: "distribution_defaults",
                type: "integer",
                nullable: false,
                // A unit's existing settings keep the default: three missed supervised doses alert.
                defaultValue: 3);

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
                name: "ix_tso_confirmations_patient_id",
                schema: "treatments",
                table: "tso_confirmations",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_tso_relays_patient_id",
                schema: "treatments",
                table: "tso_relays",
                column: "patient_id");

            // Issue #20: the round's administration record and the TSO confirmations and relays are append-only for
            // every role, the owner included (also in DatabaseRoles.AppendOnly); pill-boxes are checked once (an
            // UPDATE) but never deleted. The trigger functions are the baseline's (Sql/20-never-deleted.sql,
            // Sql/40-append-only.sql).
            migrationBuilder.Sql("""
                CREATE TRIGGER administrations_append_only BEFORE UPDATE OR DELETE ON treatments.administrations
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER administrations_no_truncate BEFORE TRUNCATE ON treatments.administrations
                    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER tso_confirmations_append_only BEFORE UPDATE OR DELETE ON treatments.tso_confirmations
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER tso_confirmations_no_truncate BEFORE TRUNCATE ON treatments.tso_confirmations
                    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER tso_relays_append_only BEFORE UPDATE OR DELETE ON treatments.tso_relays
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER tso_relays_no_truncate BEFORE TRUNCATE ON treatments.tso_relays
                    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER pill_boxes_no_delete BEFORE DELETE ON treatments.pill_boxes
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                CREATE TRIGGER pill_boxes_no_truncate BEFORE TRUNCATE ON treatments.pill_boxes
                    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "administrations",
                schema: "treatments");

            migrationBuilder.DropTable(
                name: "pill_boxes",
                schema: "treatments");

            migrationBuilder.DropTable(
                name: "tso_confirmations",
                schema: "treatments");

            migrationBuilder.DropTable(
                name: "tso_relays",
                schema: "treatments");

            migrationBuilder.DropColumn(
                name: "missed_doses_before_alert",
                schema: "treatments",
                table: "distribution_defaults");
        }
    }
}
