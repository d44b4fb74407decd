using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PrisonMovements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prison_movements",
                schema: "core",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ecrou = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    establishment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    imported_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prison_movements", x => x.id);
                    table.ForeignKey(
                        name: "fk_prison_movements_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_prison_movements_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_prison_movements_patient_id",
                schema: "core",
                table: "prison_movements",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_prison_movements_unit_id_ecrou_kind_date",
                schema: "core",
                table: "prison_movements",
                columns: new[] { "unit_id", "ecrou", "kind", "date" },
                unique: true);

            // The journal of movements is what makes an import idempotent: it only grows, like the consent history.
            migrationBuilder.Sql("""
                CREATE TRIGGER prison_movements_append_only BEFORE UPDATE OR DELETE ON core.prison_movements
                    FOR EACH ROW EXECUTE FUNCTION core.append_only();
                CREATE TRIGGER prison_movements_no_truncate BEFORE TRUNCATE ON core.prison_movements
                    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prison_movements",
                schema: "core");
        }
    }
}
