using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Agenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "agenda");

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
                    outcome_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
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
                name: "ix_rooms_unit_id_name",
                schema: "agenda",
                table: "rooms",
                columns: new[] { "unit_id", "name" },
                unique: true);

            // P17: an appointment is medical (its reason, the care request it answers): never deleted, only cancelled.
            migrationBuilder.Sql("""
                CREATE TRIGGER appointments_no_delete BEFORE DELETE ON agenda.appointments
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                CREATE TRIGGER appointments_no_truncate BEFORE TRUNCATE ON agenda.appointments
                    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
                CREATE TRIGGER rooms_no_delete BEFORE DELETE ON agenda.rooms
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointments",
                schema: "agenda");

            migrationBuilder.DropTable(
                name: "rooms",
                schema: "agenda");
        }
    }
}
