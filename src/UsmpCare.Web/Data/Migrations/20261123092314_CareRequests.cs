using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CareRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "care");

            migrationBuilder.AddColumn<bool>(
                name: "reads_french",
                schema: "core",
                table: "patients",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "spoken_language",
                schema: "core",
                table: "patients",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

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
                name: "ix_collection_rounds_unit_id_closed_at",
                schema: "care",
                table: "collection_rounds",
                columns: new[] { "unit_id", "closed_at" });
            // P17: care requests, their history and their scans are medical: never deleted; the history is append-only.
            migrationBuilder.Sql("""
                CREATE TRIGGER care_requests_no_delete BEFORE DELETE ON care.care_requests
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                CREATE TRIGGER care_request_scans_no_delete BEFORE DELETE ON care.care_request_scans
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                CREATE TRIGGER care_request_events_append_only BEFORE UPDATE OR DELETE ON care.care_request_events
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "care_request_events",
                schema: "care");

            migrationBuilder.DropTable(
                name: "care_request_scans",
                schema: "care");

            migrationBuilder.DropTable(
                name: "care_requests",
                schema: "care");

            migrationBuilder.DropTable(
                name: "collection_rounds",
                schema: "care");

            migrationBuilder.DropColumn(
                name: "reads_french",
                schema: "core",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "spoken_language",
                schema: "core",
                table: "patients");
        }
    }
}
