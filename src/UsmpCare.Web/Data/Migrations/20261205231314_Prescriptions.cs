using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Prescriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "distribution_defaults",
                schema: "treatments",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    modes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_distribution_defaults", x => x.unit_id);
                    table.ForeignKey(
                        name: "fk_distribution_defaults_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prescriptions",
                schema: "treatments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    prescriber_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prescriber_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    prescriber_rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    change = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replaces_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stop_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    lines = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prescriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_prescriptions_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_prescriptions_prescriptions_replaces_id",
                        column: x => x.replaces_id,
                        principalSchema: "treatments",
                        principalTable: "prescriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_prescriptions_patient_id_status",
                schema: "treatments",
                table: "prescriptions",
                columns: new[] { "patient_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_prescriptions_replaces_id",
                schema: "treatments",
                table: "prescriptions",
                column: "replaces_id",
                unique: true,
                filter: "status = 'Signed'");

            // P17 (as signed clinical entries): a signed prescription is never updated and no prescription is deleted,
            // whoever connects; the existing trigger functions are reused (Sql/20-never-deleted.sql, 30-signed-entries.sql).
            migrationBuilder.Sql("""
                CREATE TRIGGER prescriptions_protect BEFORE UPDATE OR DELETE ON treatments.prescriptions
                    FOR EACH ROW EXECUTE FUNCTION core.protect_clinical_entry();
                CREATE TRIGGER prescriptions_no_truncate BEFORE TRUNCATE ON treatments.prescriptions
                    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "distribution_defaults",
                schema: "treatments");

            migrationBuilder.DropTable(
                name: "prescriptions",
                schema: "treatments");
        }
    }
}
