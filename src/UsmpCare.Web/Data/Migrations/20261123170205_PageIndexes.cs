using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
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

            migrationBuilder.CreateIndex(
                name: "ix_patients_unit_id_ecrou_prefix",
                schema: "core",
                table: "patients",
                columns: new[] { "unit_id", "ecrou" })
                .Annotation("Relational:Collation", new[] { null, "C" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_patient_consultations",
                schema: "somatic",
                table: "entries",
                columns: new[] { "patient_id", "occurred_at" },
                filter: "kind = 'Consultation' AND status = 'Signed'")
                .Annotation("Npgsql:IndexInclude", new[] { "consultation_type" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_signed_consultations",
                schema: "somatic",
                table: "entries",
                columns: new[] { "unit_id", "occurred_at" },
                filter: "kind = 'Consultation' AND status = 'Signed'")
                .Annotation("Npgsql:IndexInclude", new[] { "consultation_type" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_patient_consultations",
                schema: "psychiatric",
                table: "entries",
                columns: new[] { "patient_id", "occurred_at" },
                filter: "kind = 'Consultation' AND status = 'Signed'")
                .Annotation("Npgsql:IndexInclude", new[] { "consultation_type" });

            migrationBuilder.CreateIndex(
                name: "ix_entries_signed_consultations",
                schema: "psychiatric",
                table: "entries",
                columns: new[] { "unit_id", "occurred_at" },
                filter: "kind = 'Consultation' AND status = 'Signed'")
                .Annotation("Npgsql:IndexInclude", new[] { "consultation_type" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_rounds_unit_id_collected_at",
                schema: "care",
                table: "collection_rounds",
                columns: new[] { "unit_id", "collected_at" });

            migrationBuilder.CreateIndex(
                name: "ix_care_requests_answered",
                schema: "care",
                table: "care_requests",
                columns: new[] { "unit_id", "answered_at" },
                filter: "status = 'SeenInConsultation'")
                .Annotation("Npgsql:IndexInclude", new[] { "collected_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_patients_unit_id_ecrou_prefix",
                schema: "core",
                table: "patients");

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
                name: "ix_collection_rounds_unit_id_collected_at",
                schema: "care",
                table: "collection_rounds");

            migrationBuilder.DropIndex(
                name: "ix_care_requests_answered",
                schema: "care",
                table: "care_requests");

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
    }
}
