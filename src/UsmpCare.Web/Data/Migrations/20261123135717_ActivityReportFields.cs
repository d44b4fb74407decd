using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActivityReportFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "cancellation_cause",
                schema: "continuity",
                table: "external_appointments",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "escort_delay_minutes",
                schema: "continuity",
                table: "external_appointments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                schema: "continuity",
                table: "external_appointments",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                // Appointments recorded before the kind existed were consultations or examinations.
                defaultValue: "Consultation");

            migrationBuilder.AddColumn<string>(
                name: "refusal_ground",
                schema: "documents",
                table: "administration_requests",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cancellation_cause",
                schema: "continuity",
                table: "external_appointments");

            migrationBuilder.DropColumn(
                name: "escort_delay_minutes",
                schema: "continuity",
                table: "external_appointments");

            migrationBuilder.DropColumn(
                name: "kind",
                schema: "continuity",
                table: "external_appointments");

            migrationBuilder.DropColumn(
                name: "refusal_ground",
                schema: "documents",
                table: "administration_requests");
        }
    }
}
