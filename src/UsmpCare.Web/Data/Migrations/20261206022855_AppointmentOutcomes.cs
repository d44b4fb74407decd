using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppointmentOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "outcome_at",
                schema: "agenda",
                table: "appointments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome_reason",
                schema: "agenda",
                table: "appointments",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_appointment_outcomes_appointment_id",
                schema: "agenda",
                table: "appointment_outcomes",
                column: "appointment_id");

            // Issue #21: the outcomes of appointments are a trail — a correction is a new row, none is changed or
            // deleted, whoever connects (the lead folds this into Sql/40-append-only.sql with the baseline).
            migrationBuilder.Sql("""
                CREATE TRIGGER appointment_outcomes_append_only BEFORE UPDATE OR DELETE ON agenda.appointment_outcomes
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER appointment_outcomes_no_truncate BEFORE TRUNCATE ON agenda.appointment_outcomes
                    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointment_outcomes",
                schema: "agenda");

            migrationBuilder.DropColumn(
                name: "outcome_at",
                schema: "agenda",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "outcome_reason",
                schema: "agenda",
                table: "appointments");
        }
    }
}
