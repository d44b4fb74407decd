using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Continuity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "continuity");

            migrationBuilder.AddColumn<string>(
                name: "legal_status",
                schema: "core",
                table: "patients",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Remand");

            migrationBuilder.CreateTable(
                name: "external_appointments",
                schema: "continuity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    destination = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    escort_level = table.Column<int>(type: "integer", nullable: false),
                    medical_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    cancelled_by = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_appointments", x => x.id);
                    table.ForeignKey(
                        name: "fk_external_appointments_patients_patient_id",
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
                    mandate_recorded = table.Column<bool>(type: "boolean", nullable: false),
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

            migrationBuilder.CreateIndex(
                name: "ix_external_appointments_patient_id",
                schema: "continuity",
                table: "external_appointments",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_external_appointments_unit_id_at",
                schema: "continuity",
                table: "external_appointments",
                columns: new[] { "unit_id", "at" });

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
            migrationBuilder.Sql("""
                CREATE TRIGGER release_plans_no_delete BEFORE DELETE ON continuity.release_plans
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                CREATE TRIGGER record_access_requests_no_delete BEFORE DELETE ON continuity.record_access_requests
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                CREATE TRIGGER external_appointments_no_delete BEFORE DELETE ON continuity.external_appointments
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "external_appointments",
                schema: "continuity");

            migrationBuilder.DropTable(
                name: "record_access_requests",
                schema: "continuity");

            migrationBuilder.DropTable(
                name: "release_plans",
                schema: "continuity");

            migrationBuilder.DropColumn(
                name: "legal_status",
                schema: "core",
                table: "patients");
        }
    }
}
