using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_entries_patient_consultations",
                schema: "somatic",
                table: "entries",
                columns: new[] { "patient_id", "occurred_at" },
                filter: "kind = 'Consultation' AND status = 'Signed'");

            migrationBuilder.CreateIndex(
                name: "ix_entries_signed_consultations",
                schema: "somatic",
                table: "entries",
                columns: new[] { "unit_id", "occurred_at" },
                filter: "kind = 'Consultation' AND status = 'Signed'");

            migrationBuilder.CreateIndex(
                name: "ix_entries_patient_consultations",
                schema: "psychiatric",
                table: "entries",
                columns: new[] { "patient_id", "occurred_at" },
                filter: "kind = 'Consultation' AND status = 'Signed'");

            migrationBuilder.CreateIndex(
                name: "ix_entries_signed_consultations",
                schema: "psychiatric",
                table: "entries",
                columns: new[] { "unit_id", "occurred_at" },
                filter: "kind = 'Consultation' AND status = 'Signed'");

            migrationBuilder.CreateIndex(
                name: "ix_care_requests_answered",
                schema: "care",
                table: "care_requests",
                columns: new[] { "unit_id", "answered_at" },
                filter: "status = 'SeenInConsultation'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_entries_patient_consultations",
                schema: "somatic",
                table: "entries");

            migrationBuilder.DropIndex(
                name: "ix_entries_signed_consultations",
                schema: "somatic",
                table: "entries");

            migrationBuilder.DropIndex(
                name: "ix_entries_patient_consultations",
                schema: "psychiatric",
                table: "entries");

            migrationBuilder.DropIndex(
                name: "ix_entries_signed_consultations",
                schema: "psychiatric",
                table: "entries");

            migrationBuilder.DropIndex(
                name: "ix_care_requests_answered",
                schema: "care",
                table: "care_requests");
        }
    }
}
