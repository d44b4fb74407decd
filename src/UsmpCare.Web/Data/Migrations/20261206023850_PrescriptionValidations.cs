using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PrescriptionValidations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prescription_validations",
                schema: "treatments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    prescription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    remark = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    pharmacist_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pharmacist_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prescription_validations", x => x.id);
                    table.ForeignKey(
                        name: "fk_prescription_validations_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_prescription_validations_prescriptions_prescription_id",
                        column: x => x.prescription_id,
                        principalSchema: "treatments",
                        principalTable: "prescriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_prescription_validations_patient_id",
                schema: "treatments",
                table: "prescription_validations",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_prescription_validations_prescription_id_at",
                schema: "treatments",
                table: "prescription_validations",
                columns: new[] { "prescription_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_prescription_validations_unit_id_at",
                schema: "treatments",
                table: "prescription_validations",
                columns: new[] { "unit_id", "at" });

            // Issue #20: a pharmaceutical validation is never rewritten nor removed (a second word is a new row), whoever
            // connects: the append-only triggers of Sql/40-append-only.sql, to fold in there with the baseline.
            migrationBuilder.Sql("""
                CREATE TRIGGER prescription_validations_append_only BEFORE UPDATE OR DELETE ON treatments.prescription_validations
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER prescription_validations_no_truncate BEFORE TRUNCATE ON treatments.prescription_validations
                    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prescription_validations",
                schema: "treatments");
        }
    }
}
